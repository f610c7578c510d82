package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EligibilitySetCall;
import io.schedsim.history.EligibilitySource;
import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * N-22 as {@code Node.createNodeEvals} (nomad/node_endpoint.go) decides it for allocations whose
 * terminal status is split: a service allocation skipped only when server- AND client-terminal,
 * a batch one only when client-terminal ({@code alloc.Terminated()}). The batch case is the path
 * of nomad#28008: a node made eligible while a batch allocation stopped at its drain deadline
 * still runs.
 */
class SplitTerminalEvalGuardTest {
    /** Batch job 30's allocation 300 on node 1, stopped at a 5 s drain deadline, still running. */
    private static HistoryBuilder batchStoppedAtDeadline() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2);
        b.at(1).job(30, JobType.BATCH, 1);
        b.at(1.01).plan(30, 1, 0, 0, 0).place(300, 30, 1).at(1.2).running(300);
        b.at(20).drain(1, 5_000);
        b.at(25).mark(300, true).drainCompleted(1, true);
        return b.at(25.01).plan(30, 0, 1, 1, 0).stop(300, "alloc is being migrated");
    }

    /** Node 1 turns eligible at 30 s with node-update evaluations of {@code jobs} only. */
    private static HistoryBuilder eligibleWith(HistoryBuilder b, int node, int... jobs) {
        b.at(30).add(new EligibilityChanged(b.now(), node, true, EligibilitySource.OPERATOR));
        for (int job : jobs) {
            b.eval(job, "node-update", node);
        }
        return b.add(new EligibilitySetCall(b.now(), node, true, true, "ok"));
    }

    @Test
    void aBatchAllocationStoppedButStillRunningIsOwedAnEvaluation() {
        MonitorViolation v = assertOnly(eligibleWith(batchStoppedAtDeadline(), 1).at(31).check(),
                Invariant.NODE_EVALS);
        assertEquals(1, v.node());
        assertEquals(30, v.job());
        assertEquals(300, v.alloc());
        assertQuiet(eligibleWith(batchStoppedAtDeadline(), 1, 30).at(31).check());
    }

    @Test
    void aBatchAllocationTheClientFinishedIsNot() {
        HistoryBuilder b = batchStoppedAtDeadline().at(26).complete(300);
        assertQuiet(eligibleWith(b, 1).at(31).check());
    }

    @Test
    void aServiceAllocationTheClientFinishedButTheServersDidNotStopIsOwedOne() {
        // Allocations 100 and 101 of service job 10 failed on node 1 (desired still run): not
        // both terminal, so upstream evaluates (their reschedule is that evaluation's business).
        HistoryBuilder b = failedOnIneligibleNode();
        MonitorViolation v = assertOnly(eligibleWith(b, 1, 20).at(31).check(),
                Invariant.NODE_EVALS);
        assertEquals(10, v.job());
        assertEquals(100, v.alloc());
        assertQuiet(eligibleWith(failedOnIneligibleNode(), 1, 10, 20).at(31).check());
    }

    private static HistoryBuilder failedOnIneligibleNode() {
        HistoryBuilder b = NomadFlows.placed().at(15).setEligible(1, false);
        b.at(16).add(new AllocClientChanged(b.now(), 100, ClientStatus.FAILED)).release(100);
        return b.add(new AllocClientChanged(b.now(), 101, ClientStatus.FAILED)).release(101);
    }

    @Test
    void aServiceAllocationTerminalOnBothSidesIsNot() {
        HistoryBuilder b = NomadFlows.placed().at(15).setEligible(1, false);
        b.at(16).stop(100, "alloc not needed due to job update").at(17).complete(100);
        b.at(17).stop(101, "alloc not needed due to job update").at(18).complete(101);
        assertQuiet(eligibleWith(b, 1, 20).at(31).check());
    }
}
