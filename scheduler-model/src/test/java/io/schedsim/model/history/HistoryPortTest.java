package io.schedsim.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.history.EventType;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HeartbeatSent;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import io.schedsim.history.LeaderFailover;
import io.schedsim.history.RunEnded;
import io.schedsim.history.RunStopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The port: events before the start wait behind the settings; a later event is written in its
 * place (before the first event at or after its time), or not at all once withdrawn or after the
 * end; without a sink nothing is on, and a reader's unread types are not built but keep their
 * place.
 */
class HistoryPortTest {
    private final Simulation sim = new Simulation(1);
    private final List<HistoryEvent> out = new ArrayList<>();
    private final HistoryPort port = new HistoryPort(sim);

    @Test
    void heldEventsFollowTheSettings() {
        port.attach(out::add);
        port.record(new LeaderFailover(0));
        assertEquals(List.of(), out);
        port.open(List.of(new HeartbeatSent(0, 9)));
        assertEquals(List.of(new HeartbeatSent(0, 9), new LeaderFailover(0)), out);
    }

    @Test
    void laterEventsComeInTimeOrderBeforeWhatFollowsThem() {
        port.attach(out::add);
        port.open(List.of());
        port.recordLater(new HealthCheckAnswered(30, 2));
        port.recordLater(new HealthCheckAnswered(10, 1));
        long withdrawn = port.recordLater(new HealthCheckAnswered(20, 3));
        port.cancelLater(withdrawn);
        at(25);
        port.record(new LeaderFailover(25));
        at(40);
        port.recordLater(new HealthCheckAnswered(50, 4));
        port.end(RunStopReason.TIME_LIMIT);
        assertEquals(List.of(new HealthCheckAnswered(10, 1), new LeaderFailover(25),
                new HealthCheckAnswered(30, 2), new RunEnded(40, RunStopReason.TIME_LIMIT)), out);
    }

    @Test
    void withoutASinkNothingIsOnAndUnreadTypesAreNotWanted() {
        assertFalse(port.on());
        assertFalse(port.publishes(EventType.LEADER_FAILOVER));
        List<String> seen = new ArrayList<>();
        port.attach(new HistorySink() {
            @Override
            public void record(HistoryEvent event) {
                seen.add(event.type().jsonName());
            }

            @Override
            public void skipped() {
                seen.add("(skipped)");
            }
        }, Set.of(EventType.HEARTBEAT_SENT));
        assertTrue(port.on());
        assertFalse(port.publishes(EventType.HEARTBEAT_SENT), "held before the start");
        port.open(List.of());
        port.recordLater(new HealthCheckAnswered(0, 2));
        assertFalse(port.publishes(EventType.HEARTBEAT_SENT));
        assertTrue(port.publishes(EventType.LEADER_FAILOVER));
        port.record(new LeaderFailover(0));
        // Each skipped event keeps its place: after what was due before it, before what follows.
        assertEquals(List.of("(skipped)", "health-check-answered", "(skipped)", "leader-failover"),
                seen);
        HistoryPort none = new HistoryPort(sim);
        none.attach(HistorySink.NONE);
        assertFalse(none.on());
        assertFalse(none.publishes(EventType.HEARTBEAT_SENT));
    }

    /** Moves the simulation's clock by running an event scheduled there. */
    private void at(long nanos) {
        int kind = sim.registerKind("tick" + nanos, (entity, payload) -> { });
        sim.post(nanos, kind, 0, 0);
        sim.runUntil(nanos);
    }
}
