package io.schedsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.check.Check;
import io.schedsim.core.check.CheckFailure;
import io.schedsim.core.time.SimTime;
import org.junit.jupiter.api.Test;

/** Scheduling in the past and failed checks in handlers name where and when they happened. */
class SimulationFailureTest {
    private final Simulation simulation = new Simulation(1);
    private final int noop = simulation.registerKind("noop", (entity, payload) -> {});

    @Test
    void schedulingInThePastFails() {
        simulation.schedule(100, noop, 0, 0);
        simulation.runUntilQuiescent();
        CheckFailure failure =
                assertThrows(CheckFailure.class, () -> simulation.schedule(99, noop, 0, 0));
        assertTrue(failure.getMessage().contains("noop"), failure.getMessage());
        assertThrows(CheckFailure.class, () -> simulation.scheduleAfter(-1, noop, 0, 0));
        assertEquals(0, simulation.pendingCount(), "a rejected event is not queued");
        simulation.schedule(100, noop, 0, 0);
        simulation.scheduleAfter(0, noop, 0, 0);
        assertEquals(2, simulation.pendingCount(), "now itself is not the past");
    }

    @Test
    void failedCheckInAHandlerNamesEventIndexKindAndTime() {
        int audit = simulation.registerKind("audit",
                (entity, payload) -> Check.that(payload != 13, "payload must not be", payload));
        simulation.schedule(SimTime.millis(1), noop, 0, 0);
        simulation.schedule(SimTime.millis(2), audit, 0, 12);
        simulation.schedule(SimTime.millis(1_500), audit, 0, 13);
        simulation.schedule(SimTime.millis(2_000), noop, 0, 0);
        SimulationFailure failure =
                assertThrows(SimulationFailure.class, simulation::runUntilQuiescent);
        assertEquals(2, failure.eventIndex());
        assertEquals("audit", failure.kind());
        assertEquals(SimTime.millis(1_500), failure.timeNanos());
        assertInstanceOf(CheckFailure.class, failure.getCause());
        String message = failure.getMessage();
        assertTrue(message.contains("payload must not be 13"), message);
        assertTrue(message.contains("event #2"), message);
        assertTrue(message.contains("(audit)"), message);
        assertTrue(message.contains("t=1.500 s"), message);
        assertEquals(1, simulation.pendingCount(), "the loop stops at the failing event");
    }

    @Test
    void schedulingInThePastFromAHandlerSurfacesAsSimulationFailure() {
        int late = simulation.registerKind("late",
                (entity, payload) -> simulation.schedule(simulation.nowNanos() - 1, noop, 0, 0));
        simulation.schedule(50, late, 0, 0);
        SimulationFailure failure = assertThrows(SimulationFailure.class, simulation::step);
        assertEquals(0, failure.eventIndex());
        assertEquals("late", failure.kind());
        assertEquals(50, failure.timeNanos());
    }
}
