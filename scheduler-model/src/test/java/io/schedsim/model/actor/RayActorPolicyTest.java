package io.schedsim.model.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ray's actor rules as a table: -1 = GIVE_UP. */
class RayActorPolicyTest {
    @ParameterizedTest(name = "max_restarts {0}, used {1}, preempted {2} -> {3}")
    @CsvSource({"0, 0, false, -1", "0, 0, true, -1", "1, 0, false, 1", "1, 1, false, -1",
        "1, 1, true, 1", "-1, 7, false, 8", "-1, 7, true, 7", "3, 2, false, 3"})
    void restarts(int maxRestarts, int used, boolean preempted, int expected) {
        assertEquals(expected,
                RayActorPolicy.INSTANCE.afterActorDeath(maxRestarts, used, preempted));
    }

    @ParameterizedTest(name = "max_task_retries {0}, used {1} -> {2}")
    @CsvSource({"0, 0, -1", "1, 0, 1", "1, 1, -1", "-1, 0, 1", "-1, 41, 42"})
    void taskRetries(int maxTaskRetries, int used, int expected) {
        assertEquals(expected, RayActorPolicy.INSTANCE.afterTaskLost(maxTaskRetries, used));
    }
}
