package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.NodeStatus;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-1 for allocations, on the monitor's own view of Ready. */
class PlacementGuardTest {
    @Test
    void placementOnADrainingNodeFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(2, 3_600_000);
        MonitorViolation v = assertFires(b.at(21).plan(10, 1, 0, 0, 0).place(104, 10, 2).check(),
                Invariant.PLACEMENT_GATE);
        assertEquals(2, v.node());
        assertEquals(104, v.alloc());
        assertEquals(10, v.job());
    }

    @Test
    void placementOnAnIneligibleNodeFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).setEligible(3, false);
        assertOnly(b.at(21).plan(10, 1, 0, 0, 0).place(104, 10, 3).check(),
                Invariant.PLACEMENT_GATE);
    }

    @Test
    void placementOnANodeNotReadyFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).register(4, -1);
        assertOnly(b.plan(10, 1, 0, 0, 0).place(104, 10, 4).check(), Invariant.PLACEMENT_GATE);
    }

    @Test
    void placementOnANodeMadeEligibleAgainIsQuiet() {
        HistoryBuilder b = NomadFlows.placed().at(20).setEligible(3, false).at(25)
                .setEligible(3, true).status(3, NodeStatus.READY);
        assertQuiet(b.at(26).plan(10, 1, 1, 0, 0).stop(101, "alloc not needed due to count")
                .place(104, 10, 3).at(26.2).running(104).at(60).end().check());
    }
}
