package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-1..R-3 as a table: max_retries × retries used × error type × preemption → decision. */
class RayMaxRetriesPolicyTest {
    @ParameterizedTest(name = "max {0}, used {1}, {2}, preempted {3} -> {4}")
    @CsvSource({
        // Retries left: retry and count it.
        "3, 0, WORKER_DIED, false, 1",
        "3, 2, NODE_DIED, false, 3",
        // None left: the task ends in error.
        "3, 3, WORKER_DIED, false, -1",
        "3, 3, NODE_DIED, false, -1",
        "0, 0, WORKER_DIED, false, -1",
        "0, 0, NODE_DIED, false, -1",
        // -1: retry forever.
        "-1, 0, NODE_DIED, false, 1",
        "-1, 1000000, WORKER_DIED, false, 1000001",
        "-1, 2147483647, WORKER_DIED, false, 2147483647",
        // Preemption is free (R-3, ray#54182), even with none left.
        "1, 1, NODE_DIED, true, 1",
        "0, 0, NODE_DIED, true, 0",
        "-1, 5, NODE_DIED, true, 5",
    })
    void decides(int maxRetries, int used, ErrorType type, boolean preempted, int expected) {
        assertEquals(expected,
                MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, used, type, preempted));
        assertEquals(expected, new MaxRetriesPolicy().afterFailure(maxRetries, used, type,
                preempted));
    }
}
