package io.schedsim.model.task;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.invariant.Violation;
import java.util.List;

/** Small Ray clusters for tests: a 0-CPU head at slot 0 plus equal workers at slots 1..n. */
final class RayClusters {
    static final long MEM_MB = 64_000;

    private RayClusters() {}

    static ClusterConfig config() {
        ClusterConfig config = new ClusterConfig();
        // The CI chaos fixture's retry delay (SEMANTICS §7, conftest.py).
        config.taskRetryDelayMillis = 100;
        return config;
    }

    static Cluster start(long seed, ClusterConfig config, int workers, long cpuMilliPerWorker,
            RayWorkloadSpec spec, ModelComponents components) {
        Cluster cluster = Cluster.create(new Simulation(seed), config, components);
        cluster.addNode(0, MEM_MB, true);
        for (int i = 0; i < workers; i++) {
            cluster.addNode(cpuMilliPerWorker, MEM_MB, false);
        }
        if (spec != null) {
            cluster.setRayWorkload(spec);
        }
        cluster.start();
        return cluster;
    }

    /** Runs until every Ray task is terminal or {@code limitSeconds} of simulated time pass. */
    static void runUntilTerminal(Cluster cluster, long limitSeconds) {
        long limit = SimTime.seconds(limitSeconds);
        cluster.sim().runWhile(() -> !cluster.ray().allTerminal()
                && cluster.sim().nowNanos() < limit && !cluster.monitor().violated());
    }

    static List<Violation> violations(Cluster cluster) {
        return cluster.monitor().violations();
    }
}
