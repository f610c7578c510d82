package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SC-4 {@code nomad-drain-force}, variant batch ({@code TestDrainer_Batch_TransitionToForce}):
 * under a drain with deadline 10 s or none the batch allocations stay desired {@code run} (the
 * run cut just before the update shows it; INV-6 is checked at every mark); the update to
 * {@code -force} 500 ms later stops all of them at once, without replacement, and clears the
 * drain with {@code deadline_reached}.
 */
class NomadDrainForceBatchTest {
    static final long DRAIN_AT_MILLIS = 60_000;
    static final long FORCE_AT_MILLIS = 60_500;

    @ParameterizedTest(name = "initial deadline {0} ms, seed {1}")
    @CsvSource({"10000, 1", "10000, 2", "10000, 3", "0, 1", "0, 2", "0, 3"})
    void batchRunsUntilTheUpdateToForce(long initialDeadlineMillis, long seed) {
        String initial = "initialDeadlineMillis=" + initialDeadlineMillis;
        RunOutcome before = ScenarioRuns.runClean("nomad-drain-force", seed, "variant=batch",
                initial, "horizonMillis=" + (FORCE_AT_MILLIS - 1));
        Cluster cut = before.cluster();
        assertTrue(cut.isDraining(NomadDrainForce.NODE_X));
        List<Alloc> batch = ScenarioRuns.allocs(cut, "batch-job");
        assertEquals(2, batch.size());
        for (Alloc alloc : batch) {
            assertEquals(NomadDrainForce.NODE_X, alloc.node());
            assertEquals(DesiredStatus.RUN, alloc.desired(), "stopped before the deadline");
            assertEquals(ClientStatus.RUNNING, alloc.client());
        }

        Cluster after = ScenarioRuns.runClean("nomad-drain-force", seed, "variant=batch",
                initial).cluster();
        batch = ScenarioRuns.allocs(after, "batch-job");
        assertEquals(2, batch.size(), "a batch allocation was replaced");
        for (Alloc alloc : batch) {
            assertEquals(DesiredStatus.STOP, alloc.desired());
            assertTrue(alloc.migrateDisablePlacement());
            assertEquals(ClientStatus.COMPLETE, alloc.client());
        }
        List<NodeEvent> completions = ScenarioRuns.events(after, NomadDrainForce.NODE_X,
                NodeEvent.Kind.DRAIN_COMPLETE);
        assertEquals(1, completions.size());
        assertEquals(SimTime.millis(FORCE_AT_MILLIS), completions.get(0).atNanos());
        assertEquals("deadline_reached=true", completions.get(0).detail());
        assertEquals(2, ScenarioRuns.events(after, NomadDrainForce.NODE_X,
                NodeEvent.Kind.DRAIN_SET).size(), "the drain and its update");
    }
}
