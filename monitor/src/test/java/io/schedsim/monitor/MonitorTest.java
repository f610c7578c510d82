package io.schedsim.monitor;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.HeartbeatSent;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.ErrorType;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Monitor's contract: online judgement, finish once, MON-2 for contradictory input. */
class MonitorTest {
    @Test
    void onlyHeartbeatsSentAndStallsGoUnread() {
        // A producer feeding only a monitor may leave these out (no guard, no state); a guard
        // that starts reading one of them takes it off this list by itself.
        assertEquals(EnumSet.of(EventType.HEARTBEAT_SENT, EventType.SCHEDULERS_STALLED),
                Monitor.unread());
    }

    @Test
    void finishIsIdempotentAndEndsTheHistory() {
        Monitor monitor = new Monitor();
        HistoryBuilder.nomad().node(1).events().forEach(monitor::record);
        MonitorReport report = monitor.finish();
        assertSame(report, monitor.finish());
        assertEquals(monitor.events(), report.events());
        assertThrows(IllegalStateException.class, () -> monitor.record(new HeartbeatSent(1, 1)));
    }

    @Test
    void violationsAreVisibleAsTheyHappen() {
        Monitor monitor = new Monitor();
        HistoryBuilder b = NomadFlowsForApi.placedWithBadPlacement();
        List<HistoryEvent> events = b.events();
        int placement = events.size() - 2;
        assertTrue(events.get(placement) instanceof io.schedsim.history.AllocPlaced);
        for (int i = 0; i < placement; i++) {
            monitor.record(events.get(i));
        }
        assertFalse(monitor.violated());
        monitor.record(events.get(placement));
        assertTrue(monitor.violated());
        assertEquals(placement, monitor.violations().get(0).seq());
    }

    @Test
    void unknownIdsAndRepeatedRegistrationsAreMon2() {
        HistoryBuilder unknownNode = HistoryBuilder.nomad().node(1).heartbeat(7, 15_000);
        MonitorViolation v = assertOnly(unknownNode.check(), Invariant.HISTORY_INCONSISTENT);
        assertTrue(v.message().contains("node 7"), v.message());
        HistoryBuilder twice = HistoryBuilder.nomad().node(1);
        twice.add(new NodeRegistered(0, 1, 1, 1, false, -1));
        assertOnly(twice.check(), Invariant.HISTORY_INCONSISTENT);
        HistoryBuilder unknownAlloc = HistoryBuilder.nomad().node(1);
        unknownAlloc.add(new AllocClientChanged(0, 9, ClientStatus.RUNNING));
        assertOnly(unknownAlloc.check(), Invariant.HISTORY_INCONSISTENT);
        HistoryBuilder unknownTask = HistoryBuilder.ray().node(1);
        unknownTask.add(new TaskResolved(0, 3, ErrorType.NONE));
        assertOnly(unknownTask.check(), Invariant.HISTORY_INCONSISTENT);
    }

    @Test
    void aHistoryWithoutHeaderOrGoingBackInTimeIsMon2() {
        assertFires(Monitor.check(List.of(new HeartbeatSent(0, 1))),
                Invariant.HISTORY_INCONSISTENT);
        Monitor monitor = new Monitor();
        HistoryBuilder.nomad().node(1).at(5).tick().events().forEach(monitor::record);
        monitor.record(new HeartbeatSent(1, 1));
        assertFires(monitor.finish(), Invariant.HISTORY_INCONSISTENT);
    }

    @Test
    void theSameHistoryAlwaysGivesTheSameReport() {
        List<HistoryEvent> events = NomadFlowsForApi.placedWithBadPlacement().at(90).end()
                .events();
        assertEquals(Monitor.check(events), Monitor.check(events));
    }

    /** A small history whose last event breaks INV-1. */
    static final class NomadFlowsForApi {
        static HistoryBuilder placedWithBadPlacement() {
            HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(1)
                    .job(10, io.schedsim.history.JobType.SERVICE, 1).setEligible(2, false);
            return b.plan(10, 1, 0, 0, 0).place(100, 10, 2);
        }
    }
}
