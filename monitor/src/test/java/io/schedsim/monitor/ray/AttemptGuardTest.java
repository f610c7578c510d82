package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.RayDrainReason;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorReport;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-18, INV-19 and R-10 on task attempts and results. */
class AttemptGuardTest {
    @Test
    void aRetriedTaskIsQuiet() {
        assertQuiet(RayFlows.retried().at(70).end().check());
    }

    @Test
    void attemptNumbersMustBeConsecutive() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        b.at(2).failAttempt(1, 0, 1, ErrorType.WORKER_DIED).pending(1, 2);
        MonitorViolation v = assertOnly(b.check(), Invariant.MONOTONIC_STATES);
        assertEquals(1, v.task());
    }

    @Test
    void aFinishedTaskNeverRunsAgainAndAttemptsNeverGoBack() {
        HistoryBuilder again = RayFlows.retried().at(4).pending(1, 2);
        assertFires(again.check(), Invariant.MONOTONIC_STATES);
        HistoryBuilder back = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1).at(2).finishAttempt(1, 0, 1);
        back.add(new TaskAttemptChanged(back.now(), 1, 0, 1, AttemptState.RUNNING,
                ErrorType.NONE));
        assertOnly(back.check(), Invariant.MONOTONIC_STATES);
        HistoryBuilder early = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1).pending(1, 1);
        assertOnly(early.check(), Invariant.MONOTONIC_STATES);
    }

    @Test
    void attemptsBeyondMaxRetriesFire() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 1).pending(1, 0).lease(1, 0, 1);
        b.at(2).failAttempt(1, 0, 1, ErrorType.WORKER_DIED).pending(1, 1).lease(1, 1, 2);
        b.at(3).failAttempt(1, 1, 2, ErrorType.WORKER_DIED).pending(1, 2);
        assertOnly(b.check(), Invariant.RETRY_BOUNDS);
    }

    @Test
    void anErrorWithinTheRetriesFires() {
        // The double-counting shape: two counted failures, max_retries 3, yet the task ends.
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        b.at(2).failAttempt(1, 0, 1, ErrorType.WORKER_DIED).pending(1, 1).lease(1, 1, 2);
        b.at(3).failAttempt(1, 1, 2, ErrorType.WORKER_DIED).resolve(1, ErrorType.WORKER_DIED);
        MonitorViolation v = assertOnly(b.check(), Invariant.RETRY_BOUNDS);
        assertEquals(1, v.task());
        HistoryBuilder exhausted = RayFlows.cluster().at(1).submit(1, -1, 0).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.WORKER_DIED)
                .resolve(1, ErrorType.WORKER_DIED);
        assertQuiet(exhausted.check());
    }

    /**
     * R-1 (ray:python/ray/tests/test_cancel.py {@code test_stress}, {@code test_fast}): a
     * cancelled task is never retried, whatever max_retries says, queued or running; with
     * recursive its child neither. Quiet when the cancel ends it.
     */
    @Test
    void aCancelledTaskIsNeverRetried() {
        HistoryBuilder queued = RayFlows.cluster().at(1).submit(1, -1, -1).pending(1, 0);
        queued.at(2).cancel(1, false, true).failAttempt(1, 0, -1, ErrorType.TASK_CANCELLED)
                .resolve(1, ErrorType.TASK_CANCELLED);
        assertQuiet(queued.check());
        HistoryBuilder running = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1);
        running.at(2).cancel(1, true, true).failAttempt(1, 0, 1, ErrorType.TASK_CANCELLED)
                .pending(1, 1);
        MonitorViolation v = assertOnly(running.check(), Invariant.RETRY_BOUNDS);
        assertEquals(1, v.task());
        // A child cancelled with its parent (recursive) and then resubmitted as a retry.
        HistoryBuilder child = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1);
        child.at(2).releaseTask(1, 0).submit(2, 1, 3).pending(2, 0);
        child.at(3).cancel(1, false, true).failAttempt(1, 0, 1, ErrorType.TASK_CANCELLED)
                .resolve(1, ErrorType.TASK_CANCELLED).pending(2, 1);
        assertFires(child.check(), Invariant.RETRY_BOUNDS);
    }

    @Test
    void unlimitedRetriesNeverEndInASystemError() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, -1).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.NODE_DIED)
                .resolve(1, ErrorType.NODE_DIED);
        assertOnly(b.check(), Invariant.RETRY_BOUNDS);
    }

    /**
     * R-1 (ray:python/ray/tests/test_failure_2.py {@code test_retry_application_level_error},
     * r3): with retry_exceptions off a task that raised ends in error at once, even with retries
     * left or max_retries -1; retrying it breaks INV-19.
     */
    @Test
    void anApplicationErrorIsRetriedOnlyWithRetryExceptions() {
        for (int maxRetries : new int[] {1, -1}) {
            HistoryBuilder ends = RayFlows.cluster().at(1).submit(1, -1, maxRetries, false)
                    .pending(1, 0).lease(1, 0, 1).at(2)
                    .failAttempt(1, 0, 1, ErrorType.TASK_EXECUTION_EXCEPTION)
                    .resolve(1, ErrorType.TASK_EXECUTION_EXCEPTION);
            assertQuiet(ends.at(70).end().check());
            HistoryBuilder retried = RayFlows.cluster().at(1).submit(1, -1, maxRetries, false)
                    .pending(1, 0).lease(1, 0, 1).at(2)
                    .failAttempt(1, 0, 1, ErrorType.TASK_EXECUTION_EXCEPTION).pending(1, 1);
            MonitorViolation v = assertOnly(retried.check(), Invariant.RETRY_BOUNDS);
            assertEquals(1, v.task());
        }
    }

    /**
     * R-1, R-2 (test_retry_application_level_error r1, r2): with retry_exceptions on a raise is
     * retried and counted against max_retries like a system failure.
     */
    @Test
    void aRetriedApplicationErrorCountsAgainstMaxRetries() {
        HistoryBuilder r1 = RayFlows.cluster().at(1).submit(1, -1, 1, true).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.TASK_EXECUTION_EXCEPTION)
                .pending(1, 1).lease(1, 1, 1).at(3).finishAttempt(1, 1, 1)
                .resolve(1, ErrorType.NONE);
        assertQuiet(r1.at(70).end().check());
        HistoryBuilder r2 = RayFlows.cluster().at(1).submit(1, -1, 0, true).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.TASK_EXECUTION_EXCEPTION)
                .resolve(1, ErrorType.TASK_EXECUTION_EXCEPTION);
        assertQuiet(r2.at(70).end().check());
        HistoryBuilder beyond = RayFlows.cluster().at(1).submit(1, -1, 0, true).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.TASK_EXECUTION_EXCEPTION)
                .pending(1, 1);
        assertOnly(beyond.check(), Invariant.RETRY_BOUNDS);
        HistoryBuilder early = RayFlows.cluster().at(1).submit(1, -1, 1, true).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.TASK_EXECUTION_EXCEPTION)
                .resolve(1, ErrorType.TASK_EXECUTION_EXCEPTION);
        assertOnly(early.check(), Invariant.RETRY_BOUNDS);
        HistoryBuilder unlimited = RayFlows.cluster().at(1).submit(1, -1, -1, true).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.TASK_EXECUTION_EXCEPTION)
                .resolve(1, ErrorType.TASK_EXECUTION_EXCEPTION);
        assertFires(unlimited.check(), Invariant.RETRY_BOUNDS);
    }

    /**
     * R-2's OOM counter (ray task_manager_test.cc
     * {@code TestTaskOomAndNonOomKillReturnsLastError}): with max_retries 1 and task_oom_retries
     * 1, an OOM kill and a worker death are both retried, a second worker death ends the task;
     * an OOM kill never counts against max_retries, and its own budget bounds its retries.
     */
    @Test
    void outOfMemoryKillsUseTheirOwnCounter() {
        HistoryBuilder ray = RayFlows.cluster().at(1).submit(1, -1, 1, false, 1).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.OUT_OF_MEMORY)
                .pending(1, 1).lease(1, 1, 1).at(3).failAttempt(1, 1, 1, ErrorType.WORKER_DIED)
                .pending(1, 2).lease(1, 2, 1).at(4).failAttempt(1, 2, 1, ErrorType.WORKER_DIED)
                .resolve(1, ErrorType.WORKER_DIED);
        assertQuiet(ray.at(70).end().check());
        HistoryBuilder beyond = RayFlows.cluster().at(1).submit(1, -1, 3, false, 1).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.OUT_OF_MEMORY)
                .pending(1, 1).lease(1, 1, 1).at(3).failAttempt(1, 1, 1, ErrorType.OUT_OF_MEMORY)
                .pending(1, 2);
        assertOnly(beyond.check(), Invariant.RETRY_BOUNDS);
        HistoryBuilder spent = RayFlows.cluster().at(1).submit(1, -1, -1, false, 1).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.OUT_OF_MEMORY)
                .pending(1, 1).lease(1, 1, 1).at(3).failAttempt(1, 1, 1, ErrorType.OUT_OF_MEMORY)
                .resolve(1, ErrorType.OUT_OF_MEMORY);
        assertQuiet(spent.at(70).end().check());
        HistoryBuilder early = RayFlows.cluster().at(1).submit(1, -1, 3, false, -1).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.OUT_OF_MEMORY)
                .resolve(1, ErrorType.OUT_OF_MEMORY);
        assertFires(early.check(), Invariant.RETRY_BOUNDS);
        HistoryBuilder free = RayFlows.cluster().at(1).submit(1, -1, 0, false, -1).pending(1, 0)
                .lease(1, 0, 1).at(2).failAttempt(1, 0, 1, ErrorType.OUT_OF_MEMORY)
                .pending(1, 1);
        assertQuiet(free.check());
    }

    @Test
    void resolutionsAreOnceAndToAValueOnlyAfterFinishing() {
        assertOnly(RayFlows.retried().resolve(1, ErrorType.NONE).check(),
                Invariant.MONOTONIC_STATES);
        HistoryBuilder noRun = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .resolve(1, ErrorType.NONE);
        assertOnly(noRun.check(), Invariant.MONOTONIC_STATES);
    }

    @Test
    void aPreemptionIsAFreeRetry() {
        // R-3, R-11 (ray:python/ray/tests/test_draining.py
        // test_preemption_after_draining_deadline): node 1 Ray-drained for PREEMPTION with a
        // 5 s deadline at 10 s dies at 16 s; max_retries 0 still allows attempt 1. Without the
        // drain the same attempt is one too many.
        assertQuiet(preempted("preemption").check());
        assertOnly(preempted("none").check(), Invariant.RETRY_BOUNDS);
    }

    @Test
    void onlyAPreemptionDrainPastItsDeadlineMakesADeathPreempted() {
        // a (rightly rejected) idle-termination drain, a preemption drain whose deadline has not passed
        // (test_node_death_before_draining_deadline), one without a deadline, or a Nomad drain
        // (it has no reason) leave the death UNEXPECTED_TERMINATION: the retry counts.
        assertOnly(preempted("idle").check(), Invariant.RETRY_BOUNDS);
        assertOnly(preempted("early").check(), Invariant.RETRY_BOUNDS);
        assertOnly(preempted("no-deadline").check(), Invariant.RETRY_BOUNDS);
        assertOnly(preempted("nomad").check(), Invariant.RETRY_BOUNDS);
    }

    private static HistoryBuilder preempted(String drain) {
        HistoryBuilder b = RayFlows.bareCluster().at(1).submit(1, -1, 0).pending(1, 0)
                .lease(1, 0, 1);
        b.at(10);
        switch (drain) {
            case "preemption" -> b.rayDrain(1, RayDrainReason.PREEMPTION, 5_000, true);
            case "idle" -> b.rayDrain(1, RayDrainReason.IDLE_TERMINATION, 5_000, false);
            case "early" -> b.rayDrain(1, RayDrainReason.PREEMPTION, 60_000, true);
            case "no-deadline" -> b.rayDrain(1, RayDrainReason.PREEMPTION, 0, true);
            case "nomad" -> b.drain(1, 5_000);
            default -> { }
        }
        RayFlows.declareDead(b.at(16), 1).failAttempt(1, 0, 1, ErrorType.NODE_DIED)
                .pending(1, 1).lease(1, 1, 2);
        return b.at(20).finishAttempt(1, 1, 2).resolve(1, ErrorType.NONE);
    }

    @Test
    void anAttemptLeftRunningOnADeadNodeFires() {
        HistoryBuilder b = RayFlows.bareCluster().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1);
        MonitorReport report = RayFlows.declareDead(b.at(16), 1).at(17).tick().check();
        MonitorViolation v = assertFires(report, Invariant.NODE_DEATH_FAILS_ATTEMPTS);
        assertEquals(1, v.node());
        assertEquals(1, v.task());
        assertFires(report, Invariant.RESOURCE_ACCOUNTING);
    }
}
