package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EligibilitySetCall;
import io.schedsim.history.EligibilitySource;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-2, INV-3, N-21 and N-2: eligibility changes need an operator call to explain them. */
class EligibilityGuardTest {
    @Test
    void eligibleAcceptedWhileDrainingFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000).at(25);
        b.add(new EligibilityChanged(b.now(), 1, true, EligibilitySource.OPERATOR));
        b.add(new EligibilitySetCall(b.now(), 1, true, true, "ok")).nodeEvals(1);
        MonitorViolation v = assertFires(b.check(), Invariant.DRAIN_IMPLIES_INELIGIBLE);
        assertEquals(1, v.node());
    }

    @Test
    void aDrainThatLeavesItsNodeEligibleFires() {
        HistoryBuilder b = NomadFlows.placed().at(20);
        b.add(new DrainSetCall(b.now(), 1, 3_600_000, false, false, true, "ok"));
        assertOnly(b.at(21).check(), Invariant.DRAIN_IMPLIES_INELIGIBLE);
    }

    @Test
    void completionThatReenablesFiresWhateverItClaims() {
        // The stale-drainer shape: the drain completes and writes back "eligible" from a read
        // taken before the drain.
        HistoryBuilder b = NomadFlows.drained();
        b.add(new EligibilityChanged(b.now(), 1, true, EligibilitySource.DRAIN_COMPLETE))
                .nodeEvals(1);
        MonitorViolation v = assertOnly(b.at(50).check(), Invariant.COMPLETION_NEVER_REENABLES);
        assertTrue(v.message().contains("DRAIN_COMPLETE"), v.message());
        HistoryBuilder lying = NomadFlows.drained();
        lying.add(new EligibilityChanged(lying.now(), 1, true, EligibilitySource.OPERATOR))
                .nodeEvals(1);
        assertOnly(lying.at(50).check(), Invariant.COMPLETION_NEVER_REENABLES);
    }

    @Test
    void anUnexplainedIneligibleFlipFires() {
        HistoryBuilder b = NomadFlows.placed().at(20);
        b.add(new EligibilityChanged(b.now(), 2, false, EligibilitySource.DRAIN_COMPLETE));
        assertOnly(b.at(21).check(), Invariant.COMPLETION_NEVER_REENABLES);
    }

    @Test
    void wrongRejectionAndUnappliedCallFire() {
        HistoryBuilder rejected = NomadFlows.placed().at(20);
        rejected.add(new EligibilitySetCall(rejected.now(), 2, false, false, "no"));
        assertOnly(rejected.check(), Invariant.ELIGIBILITY_API);
        HistoryBuilder unapplied = NomadFlows.placed().at(20);
        unapplied.add(new EligibilitySetCall(unapplied.now(), 2, false, true, "ok"));
        assertOnly(unapplied.check(), Invariant.ELIGIBILITY_API);
    }

    @Test
    void disableWithMarkEligibleThatLeavesItIneligibleFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000).at(22);
        b.add(new DrainCancelCall(b.now(), 1, true, true, "ok"));
        assertOnly(b.check(), Invariant.MARK_ELIGIBLE_ON_DISABLE);
    }

    @Test
    void disableWithMarkEligibleIsJudgedAtTheEndOfItsStep() {
        // The call comes as the drain clears; the eligibility it grants follows in the step.
        HistoryBuilder after = NomadFlows.placed().at(20).drain(1, 3_600_000).at(22);
        after.add(new EligibilityChanged(after.now(), 1, true, EligibilitySource.DRAIN_DISABLE));
        after.nodeEvals(1).add(new DrainCancelCall(after.now(), 1, true, true, "ok"));
        assertQuiet(after.at(60).end().check());
        HistoryBuilder before = NomadFlows.placed().at(20).drain(1, 3_600_000).at(22);
        before.add(new DrainCancelCall(before.now(), 1, true, true, "ok"));
        before.add(new EligibilityChanged(before.now(), 1, true, EligibilitySource.DRAIN_DISABLE));
        assertQuiet(before.nodeEvals(1).at(60).end().check());
        HistoryBuilder later = NomadFlows.placed().at(20).drain(1, 3_600_000).at(22);
        later.add(new DrainCancelCall(later.now(), 1, true, true, "ok")).at(23);
        later.add(new EligibilityChanged(later.now(), 1, true, EligibilitySource.DRAIN_DISABLE));
        assertFires(later.nodeEvals(1).check(), Invariant.MARK_ELIGIBLE_ON_DISABLE);
    }

    @Test
    void operatorFlowsAreQuiet() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000);
        b.at(21).rejectEligible(1).setEligible(1, false);
        b.at(22).cancelDrain(1, false);
        b.at(23).setEligible(1, true);
        b.at(24).drain(1, 0).at(25).cancelDrain(1, true);
        b.at(26).setEligible(3, false).at(27).setEligible(3, true);
        assertQuiet(b.at(60).end().check());
    }
}
