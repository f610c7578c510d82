package io.schedsim.fault.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F-3's victim pick and cause are optional in JSON: a task-crash written before them reads as
 * Ray's killer (the first running attempt, worker-died), and one with defaults writes the same
 * bytes as before, so the corpus's replay files and the swarm's plan digests stay put.
 */
class TaskCrashJsonTest {
    private static final String OLD_FORM = "{\"actions\":[{\"type\":\"task-crash\","
            + "\"atMillis\":100,\"node\":1,\"count\":2}]}";

    @Test
    void aCrashWithoutTheNewFieldsReadsAsTheWorkerKiller() {
        FaultPlan plan = FaultPlan.fromJson(OLD_FORM);
        assertEquals(List.of(new TaskCrash(100, 1, 2)), plan.actions());
        TaskCrash crash = (TaskCrash) plan.actions().get(0);
        assertEquals(0, crash.attemptPick());
        assertEquals(TaskFaultCause.WORKER_DIED, crash.cause());
    }

    @Test
    void defaultsAreLeftOutWhenWritten() {
        String json = new FaultPlan(List.of(new TaskCrash(100, 1, 2))).toJson();
        assertFalse(json.contains("attemptPick"), json);
        assertFalse(json.contains("cause"), json);
        assertEquals(new FaultPlan(List.of(new TaskCrash(100, 1, 2))), FaultPlan.fromJson(json));
    }

    @Test
    void pickAndCauseRoundTrip() {
        FaultPlan plan = new FaultPlan(List.of(
                new TaskCrash(100, 1, 2, 3, TaskFaultCause.APPLICATION_ERROR)));
        String json = plan.toJson();
        assertTrue(json.contains("\"cause\" : \"application-error\""), json);
        assertTrue(json.contains("\"attemptPick\" : 3"), json);
        assertEquals(plan, FaultPlan.fromJson(json));
        FaultPlan oom = new FaultPlan(List.of(new TaskCrash(100, 1, 1, 0, TaskFaultCause.OOM)));
        assertTrue(oom.toJson().contains("\"cause\" : \"oom\""), oom.toJson());
        assertFalse(oom.toJson().contains("attemptPick"), oom.toJson());
        assertEquals(oom, FaultPlan.fromJson(oom.toJson()));
    }

    @Test
    void readingStaysStrictAndNamesTheField() {
        assertMessage("extra", "\"atMillis\":1,\"node\":1,\"count\":1,\"extra\":0");
        assertMessage("count", "\"atMillis\":1,\"node\":1");
        assertMessage("cause", "\"atMillis\":1,\"node\":1,\"count\":1,\"cause\":\"meteor\"");
        assertMessage("attemptPick", "\"atMillis\":1,\"node\":1,\"count\":1,\"attemptPick\":-1");
        assertMessage("attemptPick", "\"atMillis\":1,\"node\":1,\"count\":1,\"attemptPick\":1.5");
        assertMessage("atMillis", "\"atMillis\":-1,\"node\":1,\"count\":1");
    }

    @Test
    void aPickedCrashShrinksToTheFirstAttempt() {
        TaskCrash picked = new TaskCrash(1, 1, 1, 4, TaskFaultCause.APPLICATION_ERROR);
        assertEquals(List.of(new TaskCrash(1, 1, 1, 0, TaskFaultCause.APPLICATION_ERROR)),
                picked.simpler());
        assertEquals("node=1 count=1 pick=4 cause=application-error", picked.describeParams());
        assertEquals("node=1 count=1", new TaskCrash(1, 1, 1).describeParams());
    }

    private static void assertMessage(String field, String fields) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.fromJson("{\"actions\":[{\"type\":\"task-crash\"," + fields
                        + "}]}"));
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertTrue(e.getMessage().contains("actions[0]"), e.getMessage());
    }
}
