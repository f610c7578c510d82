package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.EndOfRun;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.node.NodeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SC-1 at smoke size: a 0-CPU head and 3 workers × 4 CPU; 200 nested outer tasks (0.8 s hold,
 * 0.2 s child, max_retries -1); one worker's host is terminated mid-run. Every task finishes,
 * DEAD ⊆ killed, and once the run settles every alive node's CPU is free (INV-17, INV-23, INV-26).
 */
class RayChaosSmokeTest {
    @ParameterizedTest(name = "seed {0}, kill worker {1} at {2} ms")
    @CsvSource({"1, 2, 5000", "2, 1, 3300", "3, 3, 9100", "4, 2, 1"})
    void everyTaskFinishesAfterAHostLoss(long seed, int victim, long killAtMillis) {
        RayWorkloadSpec spec = new RayWorkloadSpec(200, SimTime.millis(800), true,
                SimTime.millis(200), 1_000, -1, 0);
        Cluster cluster = RayClusters.start(seed, RayClusters.config(), 3, 4_000, spec,
                ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.millis(killAtMillis));
        cluster.terminateHost(victim);
        RayClusters.runUntilTerminal(cluster, 3_600);
        RayWorkload ray = cluster.ray();
        assertTrue(ray.allTerminal(), ray.pending() + " pending");
        cluster.sim().runUntil(ray.lastCompletionNanos() + SimTime.seconds(61));

        assertEquals(200, ray.submitted());
        assertEquals(200, ray.completed());
        assertEquals(0, ray.failed());
        assertEquals(0, ray.pending());
        assertTrue(ray.lostAttempts() > 0, "no attempt was lost with the host");
        assertTrue(ray.retries() >= ray.lostAttempts() / 2, "retries " + ray.retries());
        assertEquals(200, cluster.sim().metrics().recorder("taskCompletion").count());
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            boolean dead = cluster.node(slot).status() == NodeStatus.DOWN;
            assertEquals(slot == victim, dead, "DEAD ⊆ killed, and the killed node is DEAD");
            if (!dead) {
                assertEquals(0, cluster.node(slot).cpuUsedMilli(), "CPU free on node " + slot);
            }
        }
        EndOfRun.check(cluster);
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void sameSeedSameTrace() {
        assertEquals(traceHash(7), traceHash(7));
    }

    private static long traceHash(long seed) {
        RayWorkloadSpec spec = new RayWorkloadSpec(300, SimTime.millis(800), true,
                SimTime.millis(300), 1_000, 2, 0);
        Cluster cluster = RayClusters.start(seed, RayClusters.config(), 4, 4_000, spec,
                ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(4));
        cluster.terminateHost(1);
        cluster.crashRunningWork(2);
        cluster.killAgent(3);
        RayClusters.runUntilTerminal(cluster, 3_600);
        assertTrue(cluster.ray().allTerminal());
        assertEquals(List.of(), cluster.monitor().violations());
        return cluster.sim().traceHash();
    }
}
