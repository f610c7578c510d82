package io.schedsim.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The event records: every type has a sample, names are stable, fields are validated. */
class HistoryEventTest {
    @Test
    void everyEventTypeHasASampleAndItsOwnRecord() {
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        for (HistoryEvent event : Samples.oneOfEach()) {
            assertEquals(event.type().recordClass(), event.getClass());
            seen.add(event.type());
        }
        assertEquals(EnumSet.allOf(EventType.class), seen);
        assertEquals(EventType.values().length,
                HistoryEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void jsonNamesAreKebabCaseAndFoundBack() {
        for (EventType type : EventType.values()) {
            assertTrue(type.jsonName().matches("[a-z]+(-[a-z]+)*"), type.jsonName());
            assertEquals(type, EventType.byJsonName(type.jsonName()));
        }
        assertEquals(null, EventType.byJsonName("alloc_placed"));
    }

    @Test
    void fieldsAreValidatedAndTheMessageNamesTheField() {
        assertMessage("atNanos", () -> new HeartbeatSent(-1, 0));
        assertMessage("node", () -> new HeartbeatSent(0, -1));
        assertMessage("previousAlloc", () -> new AllocPlaced(0, 1, 1, 1, -2, 0));
        assertMessage("lossProbability", () -> new HeartbeatLossChanged(0, 1, 1.5));
        assertMessage("lossProbability", () -> new HeartbeatLossChanged(0, 1, Double.NaN));
        assertMessage("maxRetries", () -> new TaskSubmitted(0, 1, -1, -2, false, -1, 1000));
        assertMessage("format", () -> new RunStarted(0, "schedsim-history/2", "s", 1, "",
                DetectorPolicy.NOMAD_TTL));
        assertMessage("reason", () -> new NodeStatusChanged(0, 1, NodeStatus.DOWN, null));
        assertMessage("status", () -> new NodeStatusChanged(0, 1, null, ""));
        assertMessage("ttlNanos", () -> new HeartbeatReceived(0, 1, 0));
        assertMessage("maxHeartbeatsPerSecond",
                () -> new HeartbeatConfigured(0, 1, Double.POSITIVE_INFINITY, 0, 1));
    }

    @Test
    void aReservationHasExactlyOneHolder() {
        assertMessage("alloc and task", () -> new ResourcesReserved(0, 1, 1, 1, -1, -1, -1));
        assertMessage("alloc and task", () -> new ResourcesReserved(0, 1, 1, 1, 2, 3, 0));
        assertMessage("attempt", () -> new ResourcesReleased(0, 1, 1, 1, -1, 3, -1));
        assertMessage("attempt", () -> new ResourcesReleased(0, 1, 1, 1, 2, -1, 0));
        new ResourcesReserved(0, 1, 1, 1, 2, -1, -1);
        new ResourcesReserved(0, 1, 1, 1, -1, 2, 0);
    }

    private static void assertMessage(String field, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                construct::run);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
