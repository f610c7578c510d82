package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.TaskCrash;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.model.task.TaskAttempt;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SC-10 {@code ray-retry-counting} (test_chaos.py {@code test_worker_killer}; R-1..R-3): each
 * row gives the attempt history the worker killer must leave, one letter per attempt:
 * {@code W} = FAILED(WORKER_DIED), {@code F} = FINISHED. Every kill fires on a RUNNING attempt.
 */
class RayRetryCountingTest {
    @ParameterizedTest(name = "variant {0}, max_retries {1}, seed {4}")
    @CsvSource({
        // (a) 3 kills: attempts 0-2 FAILED (WORKER_DIED), attempt 3 FINISHED.
        "a, 3, WWWF, false, 1", "a, 3, WWWF, false, 2", "a, 3, WWWF, false, 3",
        // (b) 4 kills: attempts 0-3 FAILED, no attempt 4, the result is an error.
        "b, 3, WWWW, true, 1", "b, 3, WWWW, true, 2", "b, 3, WWWW, true, 3",
        "a, 0, F, false, 1", "b, 0, W, true, 1", "a, 1, WF, false, 1", "b, 1, WW, true, 1",
        // max_retries -1 (R-1: unlimited, as Ray's default for the chaos workload): the 3 kills
        // of test_worker_killer are all retried and the task finishes.
        "a, -1, WWWF, false, 1", "a, -1, WWWF, false, 2",
    })
    void attemptHistory(String variant, int maxRetries, String history, boolean error,
            long seed) {
        RunOutcome outcome = ScenarioRuns.runClean("ray-retry-counting", seed,
                "variant=" + variant, "maxRetries=" + maxRetries);
        RayWorkload ray = outcome.cluster().ray();
        assertEquals(expand(history), ray.attempts(0).toString());
        int kills = history.length() - (error ? 0 : 1);
        Map<String, Integer> fired = outcome.ledger().fired();
        assertEquals(kills, fired.getOrDefault(TaskCrash.KIND, 0), "kills that hit an attempt");
        assertEquals(0, outcome.ledger().skippedTotal());
        assertEquals(error, ray.endedInError(0));
        assertEquals(error ? 1 : 0, ray.failed());
        assertEquals(error ? 0 : 1, ray.completed());
        assertEquals(0, ray.lostAttempts());
    }

    /**
     * with Ray's own vectors (ray:python/ray/tests/test_failure_2.py
     * {@code test_retry_application_level_error}): {@code E} = FAILED(TASK_EXECUTION_EXCEPTION).
     * max_retries=1 with retry_exceptions: the first raise is retried and the task finishes (r1);
     * max_retries=0: it raises once and ends in error (r2); retry_exceptions off: the first raise
     * ends it at once, whatever max_retries (r3), even -1; the faults after it find nothing
     * running. With retry_exceptions on the raises count exactly like worker kills.
     */
    @ParameterizedTest(name = "variant {0}, max_retries {1}, retry_exceptions {2}")
    @CsvSource({
        "a, 1, true, EF, false", "b, 0, true, E, true", "a, 1, false, E, true",
        "a, 3, true, EEEF, false", "b, 3, true, EEEE, true", "a, 3, false, E, true",
        "a, -1, false, E, true", "a, -1, true, EEEF, false",
    })
    void applicationErrors(String variant, int maxRetries, boolean retryExceptions,
            String history, boolean error) {
        RunOutcome outcome = ScenarioRuns.runClean("ray-retry-counting", 1, "variant=" + variant,
                "maxRetries=" + maxRetries, "retryExceptions=" + retryExceptions,
                "crashCause=application-error");
        RayWorkload ray = outcome.cluster().ray();
        assertEquals(expand(history), ray.attempts(0).toString());
        int raises = history.length() - (error ? 0 : 1);
        assertEquals(raises, outcome.ledger().fired().getOrDefault(TaskCrash.KIND, 0));
        assertEquals(error, ray.endedInError(0));
        assertEquals(error && !retryExceptions ? 1 : 0, ray.raised());
        assertEquals(error ? 0 : 1, ray.completed());
    }

    /**
     * R-2's OOM counter: {@code O} = FAILED(OUT_OF_MEMORY). OOM kills never count against
     * max_retries, so with task_oom_retries -1 (Ray's default) even case b's kill too many is
     * retried; a finite task_oom_retries bounds them on its own; max_retries 0 leaves no OOM
     * retry (task_manager.cc {@code max_oom_retries}).
     */
    @ParameterizedTest(name = "variant {0}, max_retries {1}, task_oom_retries {2}")
    @CsvSource({
        "a, 3, -1, OOOF, false", "b, 3, -1, OOOOF, false", "b, 3, 4, OOOOF, false",
        "b, 3, 3, OOOO, true", "b, 3, 2, OOO, true", "a, 1, 0, O, true", "b, 0, -1, O, true",
        "a, -1, 1, OO, true",
    })
    void outOfMemoryKills(String variant, int maxRetries, int taskOomRetries, String history,
            boolean error) {
        RunOutcome outcome = ScenarioRuns.runClean("ray-retry-counting", 1, "variant=" + variant,
                "maxRetries=" + maxRetries, "taskOomRetries=" + taskOomRetries,
                "crashCause=oom");
        RayWorkload ray = outcome.cluster().ray();
        assertEquals(expand(history), ray.attempts(0).toString());
        assertEquals(error, ray.endedInError(0));
        assertEquals(error ? 1 : 0, ray.outOfMemory());
        assertEquals(error ? 0 : 1, ray.completed());
    }

    /**
     * with max_retries -1 no number of kills is "one too many", so case b cannot be built;
     * it is refused as input (the CLI's exit 2), not run as something else.
     */
    /**
     * R-1 (ray:python/ray/tests/test_cancel.py): {@code crashCause=cancel} turns each fault into
     * a {@code ray.cancel} of the task. The first one fails the running attempt TASK_CANCELLED
     * and the task is never retried, whatever max_retries (even -1, and with retries left); the
     * later cancels find no unresolved task. INV-23 (model and monitor) accepts the cancelled
     * task as terminal without a result.
     */
    @ParameterizedTest(name = "variant {0}, max_retries {1}")
    @CsvSource({"a, 3", "b, 3", "a, -1", "b, 0", "a, 1"})
    void cancelsAreNeverRetried(String variant, int maxRetries) {
        RunOutcome outcome = ScenarioRuns.runClean("ray-retry-counting", 1, "variant=" + variant,
                "maxRetries=" + maxRetries, "crashCause=cancel");
        RayWorkload ray = outcome.cluster().ray();
        assertEquals("[0:FAILED(TASK_CANCELLED)]", ray.attempts(0).toString());
        assertEquals(1, outcome.ledger().fired().getOrDefault(CancelTask.KIND, 0));
        assertEquals(outcome.plan().actions().size() - 1, outcome.ledger().skippedTotal());
        assertTrue(ray.endedInError(0));
        assertEquals(1, ray.cancelled());
        assertEquals(0, ray.completed());
    }

    @Test
    void unlimitedRetriesHaveNoCaseB() {
        InputException refused = assertThrows(InputException.class, () -> ScenarioRuns.runClean(
                "ray-retry-counting", 1, "variant=b", "maxRetries=-1"));
        assertTrue(refused.getMessage().contains("maxRetries=-1"), refused.getMessage());
    }

    private static String expand(String history) {
        List<String> attempts = new ArrayList<>();
        for (int i = 0; i < history.length(); i++) {
            char c = history.charAt(i);
            attempts.add(i + ":" + (c == 'F' ? "FINISHED" : c == 'E'
                    ? "FAILED(TASK_EXECUTION_EXCEPTION)" : c == 'O' ? "FAILED(OUT_OF_MEMORY)"
                    : "FAILED(WORKER_DIED)"));
        }
        return attempts.toString();
    }
}
