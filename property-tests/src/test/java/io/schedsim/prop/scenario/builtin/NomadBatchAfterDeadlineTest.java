package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-8 {@code nomad-batch-after-deadline} (nomad#28008, nomad#28018): the 10 batch allocations
 * stopped at the 2 s deadline are still stopping (30 s kill timeout) when X turns eligible; the
 * node-update eval that follows places nothing, so the job keeps exactly its 10 allocations,
 * none on the spare Y, all stopped without replacement.
 */
class NomadBatchAfterDeadlineTest {
    private static final int X = NomadBatchAfterDeadline.NODE_X;
    private static final long DRAIN_AT = SimTime.seconds(60);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void eligibleAgainPlacesNoBatchAllocation(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-batch-after-deadline", seed).cluster();
        List<NodeEvent> completions = ScenarioRuns.events(cluster, X,
                NodeEvent.Kind.DRAIN_COMPLETE);
        assertEquals(1, completions.size());
        assertEquals(DRAIN_AT + SimTime.seconds(2), completions.get(0).atNanos());
        assertEquals("deadline_reached=true", completions.get(0).detail());
        long eligibleAt = ScenarioRuns.onlyEventAt(cluster, X, NodeEvent.Kind.ELIGIBLE);
        assertEquals(DRAIN_AT + SimTime.seconds(3), eligibleAt);

        List<Alloc> batch = ScenarioRuns.allocs(cluster, "batch-job");
        assertEquals(10, batch.size(), "a batch allocation was placed after the deadline");
        for (Alloc alloc : batch) {
            assertEquals(X, alloc.node(), "placed on the spare");
            assertEquals(DesiredStatus.STOP, alloc.desired());
            assertTrue(alloc.migrateDisablePlacement());
            assertEquals(ClientStatus.COMPLETE, alloc.client());
            assertTrue(alloc.modifiedNanos() > eligibleAt, "stopped before X was eligible: "
                    + SimTime.format(alloc.modifiedNanos()));
        }
        assertTrue(cluster.node(X).eligible());
    }
}
