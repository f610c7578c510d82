package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
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
 * SC-8, batch allocations are never replaced after a drain deadline (N-10; nomad#28008,
 * nomad#28018, drainer integration {@code AllTypes_Deadline}): a batch job of count 10 with a
 * long stop latency runs on X (slot 0), Y (slot 1) is a spare Ready node. X is drained with
 * deadline 2 s; at the deadline the allocations are stopped and the drain clears; while they are
 * still stopping on the client, X is made eligible again. Its node-update eval must place
 * nothing: the job never has more than 10 batch allocations and nothing lands on Y (INV-6).
 */
public final class NomadBatchAfterDeadline extends BuiltInScenario {
    static final int NODE_X = 0;

    @Override
    public String name() {
        return "nomad-batch-after-deadline";
    }

    @Override
    public String description() {
        return "SC-8: batch allocs stopped at a drain deadline are never replaced (nomad#28018)";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                Knob.ofInt("nodes", 2, 2, 1_000, "nodes: X and the spares (Y)").in("nodes"),
                Knob.ofInt("batchCount", 10, 1, 1_000, "batch job count (on X)").in("allocations"),
                Knob.ofLong("batchCpuMilli", 300, 1, NomadKnobs.NODE_CPU_MILLI,
                        "CPU of one batch allocation (nodes have 4,000)"),
                Knob.ofLong("batchRunMillis", 3_600_000, 1, NomadKnobs.DAY_MILLIS,
                        "run time of a batch allocation"),
                Knob.ofLong("stopLatencyMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout of the batch task: it keeps running this long"),
                Knob.ofLong("sparesReadyAtMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "spares are ineligible until then, so the job lands on X"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS, "drain of X"),
                Knob.ofLong("drainDeadlineMillis", 2_000, 1, NomadKnobs.DAY_MILLIS,
                        "the drain's -deadline"),
                Knob.ofLong("eligibleAfterDeadlineMillis", 1_000, 0, NomadKnobs.DAY_MILLIS,
                        "X is made eligible this long after the deadline (allocs still stopping)")),
                600_000);
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
        jobs.add(JobSpec.batch("batch-job", config.intValue("batchCount"),
                config.longValue("batchCpuMilli"), 128, config.longValue("batchRunMillis"))
                .withStopLatency(config.longValue("stopLatencyMillis")));
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(NODE_X + 1, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        long drainAt = config.longValue("drainAtMillis");
        long deadline = config.longValue("drainDeadlineMillis");
        actions.add(Drain.deadline(drainAt, NODE_X, deadline, false));
        actions.add(new EligibilityFlip(eligibleAt(config), NODE_X, true));
        return new FaultPlan(actions);
    }

    private static long eligibleAt(ScenarioConfig config) {
        return config.longValue("drainAtMillis") + config.longValue("drainDeadlineMillis")
                + config.longValue("eligibleAfterDeadlineMillis");
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastAction = Math.max(eligibleAt(config), config.longValue("sparesReadyAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
