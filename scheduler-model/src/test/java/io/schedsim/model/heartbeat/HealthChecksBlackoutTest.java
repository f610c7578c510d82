package io.schedsim.model.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.task.RayWorkloadSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SC-13 (ray#58241; INV-13): every interval, half of the workers, drawn anew, drop all non-local
 * traffic for 5 s. With Ray's default health checks and with the release variant (period 10 s,
 * timeout 100 s, threshold 10), no node is ever declared DEAD and every task with
 * max_retries = -1 finishes.
 */
class HealthChecksBlackoutTest {
    private static final int WORKERS = 10;
    private static final long BLACKOUT_NANOS = SimTime.seconds(5);

    @ParameterizedTest(name = "period {0} ms, timeout {1} ms, threshold {2}, every {3} s")
    @CsvSource({"3000, 10000, 5, 20", "3000, 10000, 5, 60", "10000, 100000, 10, 20"})
    void shortBlackoutsNeverKillANode(long periodMillis, long timeoutMillis, int threshold,
            long intervalSeconds) {
        ClusterConfig config = new ClusterConfig();
        config.healthCheckPeriodMillis = periodMillis;
        config.healthCheckTimeoutMillis = timeoutMillis;
        config.healthCheckFailureThreshold = threshold;
        config.taskRetryDelayMillis = 100;
        Cluster cluster = Cluster.create(new io.schedsim.core.event.Simulation(23), config,
                io.schedsim.model.ModelComponents.defaults());
        cluster.addNode(0, 1_000, true);
        for (int i = 0; i < WORKERS; i++) {
            cluster.addNode(4_000, 1_000, false);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(2_000, SimTime.millis(800), true,
                SimTime.millis(500), 1_000, -1, SimTime.seconds(1)));
        cluster.start();
        scheduleBlackouts(cluster, SimTime.seconds(intervalSeconds));

        cluster.sim().runUntil(SimTime.seconds(600));

        for (int slot = 0; slot <= WORKERS; slot++) {
            assertEquals(NodeStatus.READY, cluster.node(slot).status(), "node " + slot);
        }
        assertTrue(cluster.ray().allTerminal());
        assertEquals(2_000, cluster.ray().completed());
        assertEquals(0, cluster.ray().lostAttempts());
        cluster.ray().checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations());
    }

    /** Starts a blackout wave every interval: each worker joins with probability 0.5. */
    private static void scheduleBlackouts(Cluster cluster, long intervalNanos) {
        SimRandom random = cluster.sim().random("test.blackout");
        int[] kinds = new int[2];
        kinds[1] = cluster.sim().registerKind("test.blackoutEnd",
                (slot, payload) -> cluster.setPartition(slot, false, false));
        kinds[0] = cluster.sim().registerKind("test.blackoutWave", (entity, payload) -> {
            for (int slot = 1; slot <= WORKERS; slot++) {
                if (random.chance(0.5)) {
                    cluster.setPartition(slot, true, true);
                    cluster.sim().scheduleAfter(BLACKOUT_NANOS, kinds[1], slot, 0);
                }
            }
            cluster.sim().scheduleAfter(intervalNanos, kinds[0], 0, 0);
        });
        cluster.sim().scheduleAfter(intervalNanos, kinds[0], 0, 0);
    }
}
