package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EligibilitySetCall;
import io.schedsim.history.EligibilitySource;
import io.schedsim.history.MigrateMarked;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** N-19 and N-22: evaluations that must come with a mark or a node transition. */
class EvalGuardTest {
    @Test
    void aMarkWithoutANodeDrainEvaluationFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000).at(21);
        b.add(new MigrateMarked(b.now(), 100, false));
        MonitorViolation v = assertOnly(b.at(22).check(), Invariant.DRAIN_EVALS);
        assertEquals(100, v.alloc());
    }

    @Test
    void turningEligibleWithoutASystemJobEvaluationFires() {
        // nomad#27499: eval dedupe skipped the system job; the node never got its allocation.
        HistoryBuilder b = NomadFlows.placed().at(20).setEligible(2, false).at(30);
        b.add(new EligibilityChanged(b.now(), 2, true, EligibilitySource.OPERATOR));
        b.eval(10, "node-update", 2);
        b.add(new EligibilitySetCall(b.now(), 2, true, true, "ok"));
        MonitorViolation v = assertOnly(b.at(31).check(), Invariant.NODE_EVALS);
        assertEquals(2, v.node());
        assertEquals(20, v.job());
    }

    @Test
    void evaluationsThatComeWithTheirChangesAreQuiet() {
        assertQuiet(NomadFlows.drained().at(50).setEligible(1, true).at(51).check());
    }
}
