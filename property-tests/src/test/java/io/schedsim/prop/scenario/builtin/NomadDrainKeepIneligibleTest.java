package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.inject.LedgerEntry;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.model.Cluster;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Node;
import io.schedsim.prop.scenario.RunOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-5 {@code nomad-drain-keep-ineligible} and its controls (N-2, N-5, N-6, N-21), one row per
 * operator call: the node's drain, eligibility and last-drain status at the end of the run.
 */
class NomadDrainKeepIneligibleTest {
    private static final int X = NomadDrainKeepIneligible.NODE_X;

    @ParameterizedTest(name = "{0}, seed {4}")
    @CsvSource({
        // drain -disable -keep-ineligible (and HTTP disable without MarkEligible): ineligible.
        "keep-ineligible, false, CANCELED, false, 1",
        "keep-ineligible, false, CANCELED, false, 2",
        // CLI drain -disable sends markEligible=true: eligible again.
        "disable, true, CANCELED, false, 1",
        "disable, true, CANCELED, false, 2",
        // eligibility -enable while draining is rejected; the drain then completes.
        "eligible-while-draining, false, COMPLETE, false, 1",
        "eligible-while-draining, false, COMPLETE, false, 2",
        // natural completion keeps the node ineligible.
        "complete, false, COMPLETE, false, 1",
        "complete, false, COMPLETE, false, 2",
    })
    void drainDisableAndCompletionSetEligibility(String variant, boolean eligible,
            LastDrainStatus lastDrain, boolean deadlineReached, long seed) {
        RunOutcome outcome = ScenarioRuns.runClean("nomad-drain-keep-ineligible", seed,
                "variant=" + variant);
        Node x = outcome.cluster().node(X);
        assertFalse(x.draining(), "drain still set");
        assertEquals(eligible, x.eligible(), "eligibility");
        assertEquals(lastDrain, x.lastDrain());
        assertEquals(deadlineReached, x.drainDeadlineReached());
        assertEquals(eligible ? 1 : 0, ScenarioRuns.events(outcome.cluster(), X,
                NodeEvent.Kind.ELIGIBLE).size(), "X made eligible");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void eligibleWhileDrainingIsRejectedWithNoChange(long seed) {
        RunOutcome outcome = ScenarioRuns.runClean("nomad-drain-keep-ineligible", seed,
                "variant=eligible-while-draining");
        boolean found = false;
        for (LedgerEntry entry : outcome.ledger().entries()) {
            if (entry.kind().equals(EligibilityFlip.KIND) && entry.node() == X) {
                found = true;
                assertTrue(entry.detail().startsWith("eligible rejected"), entry.describe());
            }
        }
        assertTrue(found, "the eligibility call was not made");
        long setAt = ScenarioRuns.onlyEventAt(outcome.cluster(), X, NodeEvent.Kind.DRAIN_SET);
        long completeAt = ScenarioRuns.onlyEventAt(outcome.cluster(), X,
                NodeEvent.Kind.DRAIN_COMPLETE);
        assertTrue(completeAt > ScenarioRuns.millis(90_000), "the drain outlived the call");
        assertTrue(completeAt > setAt);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void disableWithMarkEligibleCreatesNodeEvals(long seed) {
        Cluster keep = ScenarioRuns.runClean("nomad-drain-keep-ineligible", seed,
                "variant=keep-ineligible").cluster();
        Cluster disable = ScenarioRuns.runClean("nomad-drain-keep-ineligible", seed,
                "variant=disable").cluster();
        // N-7: ineligible + markEligible + no strategy runs createNodeEvals; keep-ineligible not.
        assertTrue(disable.broker().createdCount()
                > keep.broker().createdCount(), "no node evals on drain -disable");
    }
}
