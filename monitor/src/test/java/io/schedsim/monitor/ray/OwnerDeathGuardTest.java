package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;

import io.schedsim.history.ErrorType;
import io.schedsim.history.HealthCheckFailure;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import org.junit.jupiter.api.Test;

/**
 * R-5, R-10 (ray:src/ray/raylet/node_manager.cc {@code HandleUnexpectedWorkerFailure} and
 * {@code NodeRemoved}: the leased workers of a dead owner are killed): a child whose owner died is
 * not RUNNING after the step its owner's death is reported in, and is never retried.
 */
class OwnerDeathGuardTest {
    /** Task 1 on node 1 from 1 s; at 1.8 s it submits child 10, which runs on node 2. */
    private static HistoryBuilder nested(HistoryBuilder cluster) {
        return cluster.at(1).submit(1, -1, -1).pending(1, 0).lease(1, 0, 1).at(1.8)
                .submit(10, 1, -1).pending(10, 0).lease(10, 0, 2);
    }

    /** At 2 s the parent's worker is killed under its live raylet (F-3), which reports it. */
    private static HistoryBuilder workerKilled() {
        return nested(RayFlows.cluster()).at(2).failAttempt(1, 0, 1, ErrorType.WORKER_DIED)
                .pending(1, 1);
    }

    @Test
    void aKilledOwnersChildIsKilledInTheSameStep() {
        HistoryBuilder killed = workerKilled().failAttempt(10, 0, 2, ErrorType.OWNER_DIED)
                .resolve(10, ErrorType.OWNER_DIED).lease(1, 1, 1).at(10);
        assertQuiet(killed.check());
    }

    @Test
    void aChildRunningOnAfterItsOwnersReportedDeathBreaksR5() {
        // The model before issue 13: the orphan kept its CPU and ran to its natural end.
        HistoryBuilder orphan = workerKilled().resolve(10, ErrorType.OWNER_DIED).lease(1, 1, 1)
                .at(3).finishAttempt(10, 0, 2);
        assertOnly(orphan.check(), Invariant.OWNER_DEATH);
    }

    @Test
    void aRetriedChildOfADeadOwnerBreaksR5() {
        HistoryBuilder retried = workerKilled().failAttempt(10, 0, 2, ErrorType.OWNER_DIED)
                .at(2.5).pending(10, 1);
        assertOnly(retried.check(), Invariant.OWNER_DEATH);
    }

    @Test
    void aChildOnANodeThatIsGoneIsLeftToItsNodesDeath() {
        // Node 2's host vanished before the owner died: its raylet cannot kill anything, and the
        // child fails NODE_DIED when node 2 is declared DEAD.
        HistoryBuilder gone = nested(RayFlows.cluster()).at(1.9).terminate(2, false).at(2)
                .failAttempt(1, 0, 1, ErrorType.WORKER_DIED).pending(1, 1).lease(1, 1, 1).at(10);
        assertQuiet(gone.check());
    }

    @Test
    void anOwnerLostWithItsNodeIsReportedByTheDeadVerdict() {
        HistoryBuilder b = nested(RayFlows.bareCluster()).at(5);
        RayFlows.declareDead(b, 1).failAttempt(1, 0, 1, ErrorType.NODE_DIED)
                .failAttempt(10, 0, 2, ErrorType.OWNER_DIED).resolve(10, ErrorType.OWNER_DIED)
                .pending(1, 1).at(10);
        assertQuiet(b.check());
    }

    @Test
    void aChildRunningPastItsOwnersNodeDeathBreaksR5() {
        HistoryBuilder b = nested(RayFlows.bareCluster()).at(5);
        RayFlows.declareDead(b, 1).failAttempt(1, 0, 1, ErrorType.NODE_DIED)
                .resolve(10, ErrorType.OWNER_DIED).pending(1, 1).at(10).finishAttempt(10, 0, 2);
        assertOnly(b.check(), Invariant.OWNER_DEATH);
    }

    @Test
    void aKilledRayletsOwnerIsReportedOnlyByTheDeadVerdict() {
        // the parent's worker exits with its killed raylet and its owner (the driver) fails
        // it, but nobody reports that worker's death: the child runs on until node 1 is DEAD.
        HistoryBuilder b = nested(RayFlows.bareCluster()).at(2).killAgent(1).at(2.5)
                .failAttempt(1, 0, 1, ErrorType.NODE_DIED).resolve(10, ErrorType.OWNER_DIED)
                .pending(1, 1).lease(1, 1, 2).at(5);
        for (int i = 0; i < 5; i++) {
            b.advanceMillis(1).checkSent(1).advanceMillis(1)
                    .checkFailed(1, HealthCheckFailure.REFUSED);
        }
        b.down(1).failAttempt(10, 0, 2, ErrorType.OWNER_DIED).at(10);
        assertQuiet(b.check());
    }
}
