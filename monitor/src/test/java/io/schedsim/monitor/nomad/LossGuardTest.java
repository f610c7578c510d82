package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-14: the first plan made after a node is down marks its allocations lost. */
class LossGuardTest {
    /** Node 1 heartbeats at 12 s (ttl 15 s), is cut off at 13 s and goes down at 37 s. */
    private static HistoryBuilder node1Down() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(12).heartbeat(1, 15_000).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(13).partition(1, true);
        b.at(22).heartbeat(2, 15_000).heartbeat(3, 15_000);
        return b.at(37).down(1);
    }

    @Test
    void aPlanThatLeavesAnAllocationOnADownNodeFires() {
        HistoryBuilder b = node1Down().at(37.01);
        b.add(new PlanCommitted(b.now(), 77, 10, b.now(), 2, 0, 0, 1)).lost(100)
                .replace(102, 10, 2, 100).replace(103, 10, 3, 101);
        MonitorViolation v = assertFires(b.at(37.02).check(), Invariant.LOST_ALLOCS);
        assertEquals(101, v.alloc());
        assertEquals(1, v.node());
    }

    @Test
    void aStalePlanAndACorrectPlanAreQuiet() {
        HistoryBuilder b = node1Down().at(37.005);
        // Made from a snapshot before the node went down: it cannot know.
        b.add(new PlanCommitted(b.now(), 76, 10, 36_990_000_000L, 0, 0, 0, 0));
        // Made at the very instant the node went down, maybe before it (order within an
        // instant is free): not held to it either.
        b.add(new PlanCommitted(b.now(), 75, 10, 37_000_000_000L, 0, 0, 0, 0));
        b.at(37.01).add(new PlanCommitted(b.now(), 77, 10, b.now(), 2, 0, 0, 2)).lost(100)
                .lost(101).replace(102, 10, 2, 100).replace(103, 10, 3, 101);
        b.add(new PlanCommitted(b.now(), 78, 20, b.now(), 0, 0, 0, 1)).lost(200);
        assertQuiet(b.at(37.02).check());
    }
}
