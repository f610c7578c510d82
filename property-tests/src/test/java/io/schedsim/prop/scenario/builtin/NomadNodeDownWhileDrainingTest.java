package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-7 {@code nomad-node-down-while-draining} (N-20, N-31, N-32): X is drained, then cut off from
 * the servers. While it is down (the run cut before the partition ends) every allocation on X is
 * lost, service and batch ones are replaced on Ready nodes without inherited reschedule attempts,
 * the system one is not placed elsewhere, and the drain has completed. After the partition X
 * heartbeats again (down → ready) and stays ineligible.
 */
class NomadNodeDownWhileDrainingTest {
    private static final int X = NomadNodeDownWhileDraining.NODE_X;
    private static final long CUT_AT = SimTime.seconds(60);
    private static final long PARTITION_END = SimTime.seconds(180);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void allocationsAreLostAndTheDrainCompletesWhileDown(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-node-down-while-draining", seed,
                "horizonMillis=" + (SimTime.toMillis(PARTITION_END) - 1)).cluster();
        assertEquals(NodeStatus.DOWN, cluster.node(X).status());
        long downAt = ScenarioRuns.onlyEventAt(cluster, X, NodeEvent.Kind.DOWN);
        // ttl + grace after the last heartbeat, which came before the cut and whose successor
        // (ttl later) would have come after it: [cut + grace, cut + ttl_max + grace).
        assertTrue(downAt >= CUT_AT + SimTime.seconds(10), SimTime.format(downAt));
        assertTrue(downAt < CUT_AT + SimTime.seconds(30) + SimTime.millis(5),
                SimTime.format(downAt));

        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.node() == X) {
                assertEquals(ClientStatus.LOST, alloc.client(), alloc.toString());
            }
        }
        long completeAt = ScenarioRuns.onlyEventAt(cluster, X, NodeEvent.Kind.DRAIN_COMPLETE);
        assertTrue(completeAt >= downAt, "drain completed before X was down");
        assertEquals(LastDrainStatus.COMPLETE, cluster.node(X).lastDrain());
        assertFalse(cluster.node(X).drainDeadlineReached());

        assertReplacedOffX(cluster, "service-job", 2);
        assertReplacedOffX(cluster, "batch-job", 1);
        Alloc lostBatch = ScenarioRuns.allocs(cluster, "batch-job").get(0);
        Alloc batchReplacement = ScenarioRuns.live(cluster, "batch-job").get(0);
        assertEquals(lostBatch.id(), batchReplacement.previousAlloc());
        assertEquals(0, batchReplacement.rescheduleAttempts(), "loss is not a reschedule");
        List<Alloc> system = ScenarioRuns.allocs(cluster, "system-job");
        assertEquals(3, system.size(), "the lost system allocation was placed elsewhere");
        assertEquals(0, ScenarioRuns.liveOn(cluster, "system-job", X).size());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void xComesBackReadyAndStaysIneligible(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-node-down-while-draining", seed).cluster();
        assertEquals(NodeStatus.READY, cluster.node(X).status());
        List<NodeEvent> ready = ScenarioRuns.events(cluster, X, NodeEvent.Kind.READY);
        assertEquals(2, ready.size(), "registration and re-registration after the partition");
        assertTrue(ready.get(1).atNanos() >= PARTITION_END);
        assertFalse(cluster.node(X).eligible(), "X must stay ineligible after down → ready");
        assertEquals(0, ScenarioRuns.events(cluster, X, NodeEvent.Kind.ELIGIBLE).size());
        assertEquals(0, ScenarioRuns.liveOn(cluster, "system-job", X).size());
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.node() == X) {
                assertTrue(alloc.client().isTerminal(), alloc.toString());
            }
        }
        assertReplacedOffX(cluster, "service-job", 2);
        assertReplacedOffX(cluster, "batch-job", 1);
    }

    private static void assertReplacedOffX(Cluster cluster, String job, int count) {
        List<Alloc> live = ScenarioRuns.live(cluster, job);
        assertEquals(count, live.size(), job);
        for (Alloc alloc : live) {
            assertNotEquals(X, alloc.node());
            assertEquals(ClientStatus.RUNNING, alloc.client());
        }
    }
}
