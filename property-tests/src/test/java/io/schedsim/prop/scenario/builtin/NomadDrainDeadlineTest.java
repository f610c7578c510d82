package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-3 {@code nomad-drain-deadline} and SC-4 {@code nomad-drain-force} (service variant): A and B
 * are made ineligible and drained with {@code -deadline 1s} (or {@code -force}); both old
 * allocations are client-complete within 10 s (pacing with min_healthy_time 30 s would need
 * ~60 s), both drains end with {@code deadline_reached}, and 2 allocations run on Ready nodes.
 */
class NomadDrainDeadlineTest {
    static final long DRAIN_AT = SimTime.seconds(60);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void deadlineStopsBothAllocationsAtOnce(long seed) {
        check(ScenarioRuns.runClean("nomad-drain-deadline", seed), SimTime.seconds(1));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void forceStopsBothAllocationsAtOnce(long seed) {
        check(ScenarioRuns.runClean("nomad-drain-force", seed), 0);
    }

    static void check(RunOutcome outcome, long deadlineNanos) {
        Cluster cluster = outcome.cluster();
        List<Alloc> service = ScenarioRuns.allocs(cluster, "service-job");
        assertEquals(4, service.size(), "2 originals and 2 replacements");
        for (int i = 0; i < 2; i++) {
            Alloc old = service.get(i);
            assertEquals(i, old.node(), "the originals run on A and B");
            assertEquals(ClientStatus.COMPLETE, old.client());
            assertTrue(old.modifiedNanos() <= DRAIN_AT + SimTime.seconds(10),
                    old + " complete at " + SimTime.format(old.modifiedNanos()));
        }
        List<Alloc> live = ScenarioRuns.live(cluster, "service-job");
        assertEquals(2, live.size());
        for (Alloc alloc : live) {
            assertEquals(ClientStatus.RUNNING, alloc.client());
            assertTrue(cluster.isReady(alloc.node()), alloc + " on a node that is not Ready");
        }
        for (int node = 0; node < 2; node++) {
            long completedAt = ScenarioRuns.onlyEventAt(cluster, node,
                    NodeEvent.Kind.DRAIN_COMPLETE);
            assertEquals(DRAIN_AT + deadlineNanos, completedAt, "node " + node);
            assertEquals("deadline_reached=true", ScenarioRuns.events(cluster, node,
                    NodeEvent.Kind.DRAIN_COMPLETE).get(0).detail());
            assertTrue(cluster.node(node).drainDeadlineReached());
            assertEquals(LastDrainStatus.COMPLETE, cluster.node(node).lastDrain());
            assertFalse(cluster.node(node).eligible(), "completion keeps the node ineligible");
        }
    }
}
