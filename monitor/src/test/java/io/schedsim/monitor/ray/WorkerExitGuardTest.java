package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;

import io.schedsim.history.ErrorType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import org.junit.jupiter.api.Test;

/**
 * R-16 (ray:src/ray/raylet/node_manager.cc {@code HandleShutdownRaylet}; the raylet killer of
 * ray:python/ray/tests/conftest.py {@code _ray_start_chaos_cluster}): an attempt running when its
 * raylet is killed fails within raylet_death_check_interval_milliseconds = 1 s.
 */
class WorkerExitGuardTest {
    /** Task 1 runs on node 1 from 1 s; node 1's raylet is killed at 2 s. */
    private static HistoryBuilder killed() {
        return RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1).at(2)
                .killAgent(1);
    }

    @Test
    void anAttemptOfAKilledRayletFailsWithinASecond() {
        HistoryBuilder inTime = killed().at(3).failAttempt(1, 0, 1, ErrorType.NODE_DIED)
                .pending(1, 1).lease(1, 1, 2).at(10);
        assertQuiet(inTime.check());
    }

    @Test
    void anAttemptStillRunningAfterASecondBreaksR16() {
        HistoryBuilder late = killed().at(3.5).failAttempt(1, 0, 1, ErrorType.NODE_DIED)
                .pending(1, 1).lease(1, 1, 2);
        assertOnly(late.check(), Invariant.WORKER_EXIT);
    }

    @Test
    void aVanishedHostIsLearnedOnlyFromTheDeadVerdict() {
        // The host itself went away within the second: owners time out instead (F-1, R-8).
        HistoryBuilder vanished = killed().at(2.5).terminate(1, false).at(20);
        assertQuiet(vanished.check());
    }
}
