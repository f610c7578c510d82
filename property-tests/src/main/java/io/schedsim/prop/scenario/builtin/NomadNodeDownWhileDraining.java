package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import io.schedsim.model.Cluster;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * SC-7, a node lost while draining (N-20, N-31, N-32; {@code TestServiceSched_NodeDrain_Down},
 * {@code TestSystemSched_NodeDrain_Down}): X (slot 0) runs a service job, a batch job and a
 * system job; X is drained (1 h), then every message from X to the servers is dropped (F-5) for
 * {@code partitionMillis}. X goes down at its last heartbeat + ttl + grace; its allocations become
 * lost, service and batch ones are replaced on Ready nodes (reschedule block ignored), the system
 * one is not placed elsewhere, and the drain completes once they are lost. When the partition
 * ends X heartbeats again (down → ready) and stays ineligible.
 */
public final class NomadNodeDownWhileDraining extends BuiltInScenario {
    static final int NODE_X = 0;

    @Override
    public String name() {
        return "nomad-node-down-while-draining";
    }

    @Override
    public String description() {
        return "SC-7: X loses its heartbeats while draining; allocs lost, drain completes";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                Knob.ofInt("nodes", 3, 2, 1_000, "nodes: X and the spares").in("nodes"),
                Knob.ofInt("serviceCount", 2, 1, 1_000, "service job count (on X)")
                        .in("allocations"),
                Knob.ofInt("batchCount", 1, 0, 1_000, "batch job count (on X)").in("allocations"),
                Knob.ofLong("batchRunMillis", 3_600_000, 1, NomadKnobs.DAY_MILLIS,
                        "run time of a batch allocation"),
                Knob.ofBoolean("systemJob", true, "a system job on every Ready node"),
                Knob.ofLong("minHealthyTimeMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                        "migrate min_healthy_time of the service job"),
                Knob.ofLong("stopLatencyMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout/shutdown_delay of every task"),
                Knob.ofLong("sparesReadyAtMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "spares are ineligible until then, so the jobs land on X"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "drain of X (deadline 1 h)"),
                Knob.ofLong("cutAfterMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "X's messages to the servers are dropped from this long after the drain"),
                Knob.ofLong("partitionMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "how long X stays cut off")), 900_000);
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.BIN_PACK);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        long stop = config.longValue("stopLatencyMillis");
        jobs.add(NomadKnobs.service("service-job",
                config.intValue("serviceCount"), 500, 1, config.longValue("minHealthyTimeMillis"),
                300_000, stop));
        if (config.intValue("batchCount") > 0) {
            jobs.add(JobSpec.batch("batch-job", config.intValue("batchCount"),
                    300, 256, config.longValue("batchRunMillis")).withStopLatency(stop));
        }
        if (config.booleanValue("systemJob")) {
            jobs.add(JobSpec.system("system-job", 100, 128)
                    .withStopLatency(stop));
        }
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(NODE_X + 1, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        long drainAt = config.longValue("drainAtMillis");
        actions.add(Drain.deadline(drainAt, NODE_X, DrainSpec.DEFAULT_DEADLINE_MILLIS, false));
        actions.add(new Partition(drainAt + config.longValue("cutAfterMillis"),
                config.longValue("partitionMillis"), List.of(NODE_X),
                PartitionDirection.TO_SERVER));
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long partitionEnd = config.longValue("drainAtMillis") + config.longValue("cutAfterMillis")
                + config.longValue("partitionMillis");
        long lastAction = Math.max(partitionEnd, config.longValue("sparesReadyAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        // Also wait for X to heartbeat again after the partition (down → ready, N-28).
        return NomadKnobs.settled(cluster) && !cluster.isDownInServerView(NODE_X);
    }
}
