package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.AllocUpdatedInPlace;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobUpdated;
import io.schedsim.history.NodeRegistered;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * nomad-job-update-ineligible's promise (e2e testJobUpdateOnIneligibleNode, N-36), judged from a
 * history: the correct model meets it in every case; a history where X keeps running its old
 * version, or where an in-place update replaced an allocation, breaks it.
 */
class JobUpdateOutcomeTest {
    private static final Scenario SCENARIO =
            Registry.builtIn().scenario("nomad-job-update-ineligible");
    private static final long S = 1_000_000_000L;

    /** Three nodes, system allocations 1..3 on nodes 0..2, the job updated at 60 s. */
    private static List<HistoryEvent> updated(boolean destructive) {
        List<HistoryEvent> events = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            events.add(new NodeRegistered(0, node, 4_000, 8_192, false, -1));
        }
        for (int node = 0; node < 3; node++) {
            events.add(new AllocPlaced(S, node + 1, 0, node, -1, 0));
        }
        events.add(new JobUpdated(60 * S, 0, 1, false, 0, destructive));
        return events;
    }

    private static AllocDesiredChanged stop(int alloc, String reason) {
        return new AllocDesiredChanged(61 * S, alloc, DesiredStatus.STOP, reason);
    }

    @Test
    void aDestructiveUpdateAsNomadDoesItKeepsThePromise() {
        List<HistoryEvent> events = updated(true);
        events.add(stop(1, "alloc not needed due to job update"));
        events.add(stop(2, "alloc is being updated due to job update"));
        events.add(stop(3, "alloc is being updated due to job update"));
        events.add(new AllocPlaced(61 * S, 5, 0, 1, 2, 0));
        events.add(new AllocPlaced(61 * S, 6, 0, 2, 3, 0));
        assertNull(JobUpdateOutcome.judge(events, 0, 0, "a"));

        List<HistoryEvent> kept = new ArrayList<>(events);
        kept.remove(3 + 3 + 1);
        assertTrue(JobUpdateOutcome.judge(kept, 0, 0, "a").contains("ineligible node 0"),
                () -> JobUpdateOutcome.judge(kept, 0, 0, "a"));
    }

    @Test
    void anInPlaceUpdateKeepsTheAllocationsOfEligibleNodes() {
        List<HistoryEvent> events = updated(false);
        events.add(stop(1, "alloc not needed due to job update"));
        events.add(new AllocUpdatedInPlace(61 * S, 2, 1));
        events.add(new AllocUpdatedInPlace(61 * S, 3, 1));
        assertNull(JobUpdateOutcome.judge(events, 0, 0, "b"));

        List<HistoryEvent> replaced = updated(false);
        replaced.add(stop(1, "alloc not needed due to job update"));
        replaced.add(stop(2, "alloc is being updated due to job update"));
        replaced.add(new AllocPlaced(61 * S, 5, 0, 1, 2, 0));
        replaced.add(new AllocUpdatedInPlace(61 * S, 3, 1));
        assertTrue(JobUpdateOutcome.judge(replaced, 0, 0, "b").contains("in-place"));
    }

    @Test
    void theCorrectModelKeepsThePromiseInEveryCase() {
        for (String picked : List.of("a", "b", "c", "d")) {
            for (long seed = 1; seed <= 3; seed++) {
                RunResult result = RunSpec.of(SCENARIO).withSettings(Map.of("case", picked))
                        .withSeed(seed).run().result();
                assertEquals(List.of(), result.violations(), picked + " seed " + seed);
            }
        }
    }

    @Test
    void theVariantThatKeepsTheOldVersionIsCaughtByTheModelAndTheMonitor() {
        RunResult result = RunSpec.of(SCENARIO)
                .withVariant(Registry.builtIn().variant("ineligible-keeps-old-version"))
                .run().result();
        List<String> ids = result.violations().stream().map(RunResult.Violation::invariant)
                .toList();
        assertEquals(List.of("N-36", "N-36"), ids, result.violations()::toString);
    }
}
