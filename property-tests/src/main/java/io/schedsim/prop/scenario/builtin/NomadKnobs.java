package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.model.Cluster;
import io.schedsim.model.EndOfRun;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster knobs every Nomad-family scenario states, with the config they set, and the
 * building blocks the SC-3..SC-9 and SC-14 scenarios share. SEMANTICS §7 gives no default for
 * network delay, stop latency, health times or heartbeatRetryInterval, so each scenario names
 * them as knobs.
 */
final class NomadKnobs {
    static final long DAY_MILLIS = 86_400_000;
    static final long NODE_CPU_MILLI = 4_000;
    static final long NODE_MEM_MB = 8_192;
    /** Jobs are registered 1 s in, once every node is Ready ({@link #registerJobsLater}). */
    static final long JOBS_AT_MILLIS = 1_000;

    private NomadKnobs() {}

    /** Timing knobs of the Nomad servers and clients. */
    static List<Knob> cluster() {
        return List.of(
                Knob.ofLong("drainBatchUpdateIntervalMillis", 1_000, 0, 60_000,
                        "Nomad BatchUpdateInterval of drain transitions (N-19)"),
                Knob.ofLong("drainDeadlineCoalesceWindowMillis", 5_000, 0, 60_000,
                        "Nomad NodeDeadlineCoalesceWindow (N-19): drain deadlines within it of the"
                                + " earliest fire together at the latest; 0 = each on its own"),
                Knob.ofLong("minHeartbeatTtlMillis", 10_000, 1, DAY_MILLIS,
                        "Nomad min_heartbeat_ttl (N-24)"),
                Knob.ofLong("heartbeatGraceMillis", 10_000, 0, DAY_MILLIS,
                        "Nomad heartbeat_grace (N-24)"),
                Knob.ofLong("heartbeatRetryIntervalMillis", 2_000, 1, DAY_MILLIS,
                        "client retry after an unanswered heartbeat (N-25, model choice)"),
                Knob.ofLong("networkDelayMillisMax", 5, 1, 60_000,
                        "one-way control-plane delay, uniform in [1 ms, this]"),
                Knob.ofLong("allocStartLatencyMillis", 100, 0, DAY_MILLIS,
                        "client: allocation received to its task running"));
    }

    /** The knobs of {@code specific}, then {@link #cluster()}, then {@code horizonMillis}. */
    static List<Knob> with(List<Knob> specific, long horizonMillis) {
        List<Knob> knobs = new ArrayList<>(specific);
        knobs.addAll(cluster());
        knobs.add(Knob.ofLong("horizonMillis", horizonMillis, 1_000, 10 * DAY_MILLIS,
                "simulated time limit"));
        return List.copyOf(knobs);
    }

    /** NOMAD_TTL detection with the timing knobs applied. */
    static ClusterConfig config(ScenarioConfig config, PlacementKind placement) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.NOMAD_TTL;
        cluster.nomadPlacement = placement;
        cluster.drainBatchUpdateIntervalMillis = config.longValue("drainBatchUpdateIntervalMillis");
        cluster.drainDeadlineCoalesceWindowMillis =
                config.longValue("drainDeadlineCoalesceWindowMillis");
        cluster.minHeartbeatTtlMillis = config.longValue("minHeartbeatTtlMillis");
        cluster.heartbeatGraceMillis = config.longValue("heartbeatGraceMillis");
        cluster.heartbeatRetryIntervalMillis = config.longValue("heartbeatRetryIntervalMillis");
        cluster.networkDelayMillisMax = config.longValue("networkDelayMillisMax");
        cluster.allocStartLatencyMillis = config.longValue("allocStartLatencyMillis");
        return cluster;
    }

    /** A service job with the given migrate block values and stop latency. */
    static JobSpec service(String name, int count, long cpuMilli, int maxParallel,
            long minHealthyTimeMillis, long healthyDeadlineMillis, long stopLatencyMillis) {
        MigrateBlock migrate = new MigrateBlock(maxParallel, minHealthyTimeMillis,
                healthyDeadlineMillis);
        return JobSpec.service(name, count, cpuMilli, 256).withMigrate(migrate)
                .withStopLatency(stopLatencyMillis);
    }

    /**
     * Registers {@code jobs} at {@link #JOBS_AT_MILLIS}, when every node has sent its first
     * heartbeat, as Nomad's e2e tests register jobs on a running cluster. Registered before
     * start, a job's first evaluation would run at the first node's registration and see only
     * the nodes that happen to be Ready at that instant.
     */
    static void registerJobsLater(Cluster cluster, List<JobSpec> jobs) {
        List<JobSpec> specs = List.copyOf(jobs);
        Simulation sim = cluster.sim();
        int kind = sim.registerKind("scenario.register-jobs", (entity, payload) -> {
            for (JobSpec spec : specs) {
                cluster.state().registerJob(spec);
            }
        });
        sim.post(SimTime.millis(JOBS_AT_MILLIS), kind, 0, 0);
    }

    /**
     * Operator calls that keep {@code nodes} out of placement until {@code readyAtMillis}:
     * ineligible at time 0 (before the first evaluation runs, which waits for the nodes' first
     * heartbeats), eligible again at {@code readyAtMillis}. This pins the initial allocations to
     * the other nodes whatever the placement ranking, as explicit plan data.
     */
    static List<FaultAction> ineligibleUntil(List<Integer> nodes, long readyAtMillis) {
        List<FaultAction> flips = new ArrayList<>();
        for (int node : nodes) {
            flips.add(new EligibilityFlip(0, node, false));
        }
        for (int node : nodes) {
            flips.add(new EligibilityFlip(readyAtMillis, node, true));
        }
        return flips;
    }

    /**
     * The end condition of the drain scenarios: quiescent, and no drain still set. The quiescence
     * test of {@code EndOfRun} does not count the drainer's pending pass or deadline timer, so a
     * run would otherwise end right after the last operator call, before the drain acts.
     */
    static boolean settled(Cluster cluster) {
        if (!EndOfRun.isQuiescent(cluster)) {
            return false;
        }
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            if (cluster.isDraining(slot)) {
                return false;
            }
        }
        return true;
    }

    /** Slots {@code from .. to-1}. */
    static List<Integer> slots(int from, int to) {
        List<Integer> slots = new ArrayList<>();
        for (int slot = from; slot < to; slot++) {
            slots.add(slot);
        }
        return slots;
    }
}
