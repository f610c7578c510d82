package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.ReschedulePolicy;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The disconnect block (N-27, N-29..N-31, N-33; INV-15; Nomad e2e {@code e2e/disconnectedclients},
 * {@code TestHeartbeat_InvalidateHeartbeat_DisconnectedClient}): X (slot 0) runs a service job and
 * a system job whose groups have {@code disconnect{lost_after, replace, reconcile}}; X's messages
 * to the servers are then dropped (F-5). X goes disconnected at its heartbeat expiry, its
 * allocations turn unknown, the service ones are replaced after the reschedule delay if
 * replace=true; a partition shorter than lost_after ends in a reconnect where reconcile picks
 * which copy stays, a longer one in lost allocations and X down, then back. By default the seed
 * draws the partition length (either side of lost_after), replace and reconcile.
 */
public final class NomadDisconnect extends BuiltInScenario {
    static final int NODE_X = 0;
    private static final String RANDOM = "random";
    private static final long PARTITION_AT_MILLIS = 60_000;

    @Override
    public String name() {
        return "nomad-disconnect";
    }

    @Override
    public String description() {
        return "N-27..N-31: X disconnects with lost_after; allocs unknown, replaced, reconciled";
    }

    @Override
    public List<Knob> knobs() {
        List<String> strategies = new ArrayList<>();
        for (DisconnectBlock.Reconcile r : DisconnectBlock.Reconcile.values()) {
            strategies.add(r.jsonName());
        }
        strategies.add(RANDOM);
        return NomadKnobs.with(List.of(
                Knob.ofInt("nodes", 3, 2, 1_000, "nodes: X and the spares").in("nodes"),
                Knob.ofInt("serviceCount", 2, 1, 1_000, "service job count (on X)")
                        .in("allocations"),
                Knob.ofBoolean("systemJob", true, "a system job with the same block on every node"),
                Knob.ofLong("lostAfterMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "disconnect lost_after of every group"),
                Knob.ofChoice("replace", RANDOM, List.of("true", "false", RANDOM),
                        "disconnect replace; random: drawn per seed"),
                Knob.ofChoice("reconcile", RANDOM, strategies,
                        "disconnect reconcile strategy; random: drawn per seed"),
                Knob.ofLong("rescheduleDelayMillis", 5_000, 5_000, NomadKnobs.DAY_MILLIS,
                        "service reschedule delay, also before an unknown allocation's replacement"
                                + " (N-33)"),
                Knob.ofLong("sparesReadyAtMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "spares are ineligible until then, so the jobs land on X"),
                Knob.ofLong("partitionMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "how long X's messages to the servers are dropped, from 60 s; 0: drawn "
                                + "per seed in [10 s, 2 lost_after]")), 1_800_000);
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.BIN_PACK);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        DisconnectBlock block = new DisconnectBlock(config.longValue("lostAfterMillis"),
                replace(config, workload), reconcile(config, workload));
        ReschedulePolicy reschedule = new ReschedulePolicy(0, 0,
                config.longValue("rescheduleDelayMillis"), true, 3_600_000, true);
        List<JobSpec> jobs = new ArrayList<>();
        jobs.add(NomadKnobs.service("service-job", config.intValue("serviceCount"), 500, 1,
                10_000, 300_000, 0).withReschedule(reschedule).withDisconnect(block));
        if (config.booleanValue("systemJob")) {
            jobs.add(JobSpec.system("system-job", 100, 128).withDisconnect(block));
        }
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    /** Drawn from the workload stream only when the knob says random, so a fixed one draws none. */
    private static boolean replace(ScenarioConfig config, SimRandom workload) {
        String value = config.stringValue("replace");
        return value.equals(RANDOM) ? workload.nextInt(2) == 0 : Boolean.parseBoolean(value);
    }

    private static DisconnectBlock.Reconcile reconcile(ScenarioConfig config, SimRandom workload) {
        String value = config.stringValue("reconcile");
        DisconnectBlock.Reconcile[] all = DisconnectBlock.Reconcile.values();
        return value.equals(RANDOM) ? all[workload.nextInt(all.length)]
                : DisconnectBlock.Reconcile.valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(NODE_X + 1, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        actions.add(new Partition(PARTITION_AT_MILLIS, partitionMillis(config, faults),
                List.of(NODE_X), PartitionDirection.TO_SERVER));
        return new FaultPlan(actions);
    }

    private static long partitionMillis(ScenarioConfig config, SimRandom faults) {
        long given = config.longValue("partitionMillis");
        if (given > 0) {
            return given;
        }
        long min = 10_000;
        long max = Math.max(min + 1, 2 * config.longValue("lostAfterMillis"));
        return min + faults.nextLong(max - min);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        // The partition's length may be drawn, so the heal phase starts after the longest one.
        long longest = Math.max(config.longValue("partitionMillis"),
                2 * config.longValue("lostAfterMillis"));
        long lastAction = Math.max(PARTITION_AT_MILLIS + longest,
                config.longValue("sparesReadyAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        // X heartbeats again after the partition (disconnected or down → ready, N-28) and no
        // allocation is left unknown.
        if (!NomadKnobs.settled(cluster) || cluster.node(NODE_X).status() != NodeStatus.READY) {
            return false;
        }
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.client() == ClientStatus.UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Map<String, Object> resolved(ScenarioConfig config, Cluster cluster, FaultPlan plan,
            Timing timing) {
        Map<String, Object> resolved = super.resolved(config, cluster, plan, timing);
        for (FaultAction action : plan.actions()) {
            if (action instanceof Partition partition) {
                resolved.put("partitionMillis", partition.durationMillis());
            }
        }
        return resolved;
    }
}
