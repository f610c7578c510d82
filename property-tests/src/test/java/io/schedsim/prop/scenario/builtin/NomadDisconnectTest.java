package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code nomad-disconnect} (N-27, N-30, N-31, N-33; INV-15; Nomad e2e
 * {@code e2e/disconnectedclients}): X is cut off for 60 s with lost_after 120 s, so it goes
 * disconnected (never down), its service allocations turn unknown and are replaced as
 * reschedules, and on reconnect the reconcile strategy decides which copy runs; cut off for
 * 200 s, the unknown allocations are lost at lastUnknown + lost_after and X goes down, then
 * comes back.
 */
class NomadDisconnectTest {
    private static final int X = NomadDisconnect.NODE_X;

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"keep_original, 1", "keep_original, 2", "keep_replacement, 1",
        "keep_replacement, 2", "best_score, 3", "longest_running, 4"})
    void aShortPartitionEndsInReconcile(String strategy, long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-disconnect", seed, "partitionMillis=60000",
                "replace=true", "reconcile=" + strategy).cluster();
        assertEquals(1, ScenarioRuns.events(cluster, X, NodeEvent.Kind.DISCONNECTED).size());
        assertEquals(0, ScenarioRuns.events(cluster, X, NodeEvent.Kind.DOWN).size());
        assertEquals(NodeStatus.READY, cluster.node(X).status());
        List<Alloc> originals = ScenarioRuns.allocs(cluster, "service-job").subList(0, 2);
        // Originals run on X and each got one replacement, a reschedule (N-33).
        boolean keepReplacement = strategy.equals("keep_replacement");
        for (Alloc original : originals) {
            assertEquals(X, original.node());
            assertTrue(original.lastUnknownNanos() > 0, original + " never went unknown");
            assertTrue(original.replaced(), original + " was not replaced while unknown");
            assertEquals(keepReplacement, original.desired().isServerTerminal(),
                    original + " under " + strategy);
        }
        for (Alloc alloc : ScenarioRuns.allocs(cluster, "service-job")) {
            if (alloc.previousAlloc() >= 0) {
                assertEquals(1, alloc.rescheduleAttempts(), alloc.toString());
                assertEquals(keepReplacement, !alloc.desired().isServerTerminal(),
                        alloc + " under " + strategy);
            }
        }
        assertEquals(2, ScenarioRuns.live(cluster, "service-job").size());
        assertEquals(1, ScenarioRuns.liveOn(cluster, "system-job", X).size(),
                "the system allocation on X survives the disconnect");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void replaceFalseLeavesTheOriginalsUnknownUntilReconnect(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-disconnect", seed, "partitionMillis=60000",
                "replace=false").cluster();
        List<Alloc> service = ScenarioRuns.allocs(cluster, "service-job");
        assertEquals(2, service.size(), "replace=false placed a replacement: " + service);
        for (Alloc alloc : service) {
            assertTrue(alloc.lastUnknownNanos() > 0, alloc + " never went unknown");
            assertEquals(ClientStatus.RUNNING, alloc.client(), alloc.toString());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aLongPartitionLosesTheAllocationsAtLostAfter(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-disconnect", seed, "partitionMillis=200000",
                "lostAfterMillis=60000", "replace=false").cluster();
        long disconnectedAt = ScenarioRuns.onlyEventAt(cluster, X, NodeEvent.Kind.DISCONNECTED);
        long downAt = ScenarioRuns.onlyEventAt(cluster, X, NodeEvent.Kind.DOWN);
        assertTrue(downAt >= disconnectedAt + SimTime.seconds(60), SimTime.format(downAt));
        List<Alloc> service = ScenarioRuns.allocs(cluster, "service-job");
        for (Alloc alloc : service.subList(0, 2)) {
            // Lost, then complete once X reconnected and stopped it (N-30).
            assertEquals("alloc is lost since its node is down", alloc.stopReason());
            assertTrue(alloc.client() == ClientStatus.LOST
                    || alloc.client() == ClientStatus.COMPLETE, alloc.toString());
        }
        for (Alloc replacement : service.subList(2, service.size())) {
            Alloc original = service.get(replacement.previousAlloc());
            assertTrue(replacement.createdNanos()
                    >= original.lastUnknownNanos() + SimTime.seconds(60),
                    replacement + " placed before its original's lost_after ran out");
            assertEquals(0, replacement.rescheduleAttempts(), "a loss is not a reschedule");
        }
        assertEquals(NodeStatus.READY, cluster.node(X).status());
        assertEquals(2, ScenarioRuns.live(cluster, "service-job").size());
    }
}
