package io.schedsim.model.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.NomadClusters;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.node.NodeEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * N-19 deadline coalescing, mirroring Nomad's nomad/drainer/drain_heap_test.go: deadlines
 * within NodeDeadlineCoalesceWindow of the earliest fire together at the latest of them
 * ({@code TestDeadlineHeap_WatchCoalesce}), force drains fire at once
 * ({@code TestDeadlineHeap_MultipleForce}), an update moves a node's deadline
 * ({@code TestDeadlineHeap_WatchThenUpdateAndGet}). Every drained node holds a running
 * allocation so that its drain stays set until its deadline.
 */
class DeadlineCoalesceTest {
    @Test
    void watchCoalesce() {
        // Window 100 ms; group 1 at 5, 10, 20 and 100 ms fires at 100 ms (100 < 5 + 100), group
        // 2 at 350 and 360 ms fires at 360 ms.
        Cluster cluster = cluster(100);
        long start = cluster.nowNanos();
        long[] deadlineMillis = {0, 5, 10, 20, 100, 350, 360};
        for (int slot = 1; slot <= 6; slot++) {
            cluster.updateDrain(slot, DrainSpec.deadline(deadlineMillis[slot], false));
        }
        cluster.sim().runUntil(start + SimTime.seconds(1));
        Map<Integer, Long> cleared = deadlineClears(cluster, start);
        assertEquals(Map.of(1, 100L, 2, 100L, 3, 100L, 4, 100L, 5, 360L, 6, 360L), cleared);
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aWindowOfZeroFiresEachDeadlineOnItsOwn() {
        Cluster cluster = cluster(0);
        long start = cluster.nowNanos();
        cluster.updateDrain(1, DrainSpec.deadline(5, false));
        cluster.updateDrain(2, DrainSpec.deadline(10, false));
        cluster.updateDrain(3, DrainSpec.deadline(10, false));
        cluster.sim().runUntil(start + SimTime.seconds(1));
        assertEquals(Map.of(1, 5L, 2, 10L, 3, 10L), deadlineClears(cluster, start));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void forceDrainsFireAtOnceAndAreNotCoalesced() {
        // Upstream a force drain's deadline is the zero time: earlier than any window reaches,
        // so it fires alone and at once even beside a deadline 50 ms away.
        Cluster cluster = cluster(100);
        long start = cluster.nowNanos();
        cluster.updateDrain(1, DrainSpec.deadline(50, false));
        cluster.updateDrain(2, DrainSpec.force(false));
        cluster.sim().runUntil(start + SimTime.millis(20));
        cluster.updateDrain(3, DrainSpec.force(false));
        cluster.sim().runUntil(start + SimTime.seconds(1));
        assertEquals(Map.of(1, 50L, 2, 0L, 3, 20L), deadlineClears(cluster, start));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void anUpdateMovesTheDeadline() {
        Cluster cluster = cluster(100);
        long start = cluster.nowNanos();
        cluster.updateDrain(1, DrainSpec.deadline(10, false));
        cluster.updateDrain(1, DrainSpec.deadline(300, false));
        cluster.sim().runUntil(start + SimTime.seconds(1));
        assertEquals(Map.of(1, 300L), deadlineClears(cluster, start));
    }

    /**
     * INV-9's online check, chaos-swarm seed 498912: a drain set again moves its deadline from
     * 10 to 1,050 ms, which coalesces with node 2's at 1,140 ms. The check armed for the first
     * deadline (10 ms + window 100 ms + batch 1 s) must not judge the second, which is due
     * only at 1,050 ms + 1.1 s.
     */
    @Test
    void aMovedDeadlineIsJudgedOnlyAfterItsOwnWindow() {
        Cluster cluster = cluster(100);
        long start = cluster.nowNanos();
        cluster.updateDrain(1, DrainSpec.deadline(10, false));
        cluster.updateDrain(1, DrainSpec.deadline(1_050, false));
        cluster.updateDrain(2, DrainSpec.deadline(1_140, false));
        cluster.sim().runUntil(start + SimTime.seconds(3));
        assertEquals(Map.of(1, 1_140L, 2, 1_140L), deadlineClears(cluster, start));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aDrainerThatDoesNotCoalesceBreaksInv9() {
        ModelComponents eachOnItsOwn = ModelComponents.defaults().withDrainer(
                context -> new NomadDrainer(context) {
                    @Override
                    protected long deadlineCoalesceWindowNanos() {
                        return 0;
                    }
                });
        Cluster cluster = NomadClusters.started(8, config(100), 4, eachOnItsOwn);
        NomadClusters.holdDrainsOpen(cluster, 1, 2);
        cluster.updateDrain(1, DrainSpec.deadline(5, false));
        cluster.updateDrain(2, DrainSpec.deadline(50, false));
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(1));
        assertEquals(Inv.DEADLINE, cluster.monitor().violations().get(0).invariant());
    }

    private static ClusterConfig config(long windowMillis) {
        ClusterConfig config = NomadClusters.config();
        config.drainDeadlineCoalesceWindowMillis = windowMillis;
        return config;
    }

    private static Cluster cluster(long windowMillis) {
        Cluster cluster = NomadClusters.started(7, config(windowMillis), 7);
        NomadClusters.holdDrainsOpen(cluster, 1, 2, 3, 4, 5, 6);
        return cluster;
    }

    /** Node slot → milliseconds after {@code start} at which its drain cleared at a deadline. */
    private static Map<Integer, Long> deadlineClears(Cluster cluster, long start) {
        Map<Integer, Long> cleared = new TreeMap<>();
        for (NodeEvent event : cluster.nodeEvents()) {
            if (event.kind() == NodeEvent.Kind.DRAIN_COMPLETE
                    && event.detail().equals("deadline_reached=true")) {
                cleared.put(event.node(), SimTime.toMillis(event.atNanos() - start));
            }
        }
        return cleared;
    }
}
