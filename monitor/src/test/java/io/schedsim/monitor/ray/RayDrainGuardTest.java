package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;

import io.schedsim.history.ErrorType;
import io.schedsim.history.RayDrainReason;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import org.junit.jupiter.api.Test;

/**
 * R-15's answers, as ray:python/ray/tests/test_draining.py asserts them: {@code
 * test_idle_termination} (a busy node's idle drain is rejected, an idle node's accepted, a dead
 * node's accepted) and {@code test_preemption} (a preemption drain of a busy node is accepted, a
 * negative deadline is an error).
 */
class RayDrainGuardTest {
    /** Task 1 runs on node 1 from 1 s. */
    private static HistoryBuilder busy() {
        return RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1).at(2);
    }

    @Test
    void idleTerminationIsAcceptedExactlyWhenNothingRuns() {
        assertQuiet(busy().rayDrain(1, RayDrainReason.IDLE_TERMINATION, 0, false).check());
        assertOnly(busy().rayDrain(1, RayDrainReason.IDLE_TERMINATION, 0, true).check(),
                Invariant.RAY_DRAIN);
        assertQuiet(busy().rayDrain(2, RayDrainReason.IDLE_TERMINATION, 0, true).check());
        assertOnly(busy().rayDrain(2, RayDrainReason.IDLE_TERMINATION, 0, false).check(),
                Invariant.RAY_DRAIN);
        HistoryBuilder finished = busy().finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE)
                .at(3).rayDrain(1, RayDrainReason.IDLE_TERMINATION, 0, true);
        assertQuiet(finished.check());
    }

    @Test
    void preemptionIsNeverRejectedButANegativeDeadlineIs() {
        assertQuiet(busy().rayDrain(1, RayDrainReason.PREEMPTION, 30_000, true).check());
        assertOnly(busy().rayDrain(1, RayDrainReason.PREEMPTION, 30_000, false).check(),
                Invariant.RAY_DRAIN);
        assertQuiet(busy().rayDrain(1, RayDrainReason.PREEMPTION, -1, false).check());
        assertOnly(busy().rayDrain(2, RayDrainReason.PREEMPTION, -1, true).check(),
                Invariant.RAY_DRAIN);
    }

    @Test
    void drainingADeadNodeIsAccepted() {
        HistoryBuilder dead = RayFlows.declareDead(RayFlows.bareCluster().at(1), 1).at(20);
        assertQuiet(RayFlows.declareDead(RayFlows.bareCluster().at(1), 1).at(20)
                .rayDrain(1, RayDrainReason.IDLE_TERMINATION, 0, true).check());
        assertOnly(dead.rayDrain(1, RayDrainReason.IDLE_TERMINATION, 0, false).check(),
                Invariant.RAY_DRAIN);
    }

    @Test
    void aDrainingNodeTakesNoLease() {
        // R-17 (test_scheduling_tasks_and_actors_during_draining): judged by LeaseGuard.
        HistoryBuilder b = RayFlows.cluster().at(1)
                .rayDrain(1, RayDrainReason.PREEMPTION, 0, true).at(2).submit(1, -1, 3)
                .pending(1, 0).lease(1, 0, 1);
        assertOnly(b.check(), Invariant.PLACEMENT_GATE);
    }
}
