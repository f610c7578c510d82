package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.LeaseGranted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-1 for leases and INV-22. */
class LeaseGuardTest {
    @Test
    void aLeaseOnADrainingNodeFires() {
        HistoryBuilder b = RayFlows.cluster().at(1).drain(1, 30_000).submit(1, -1, 3)
                .pending(1, 0).lease(1, 0, 1);
        // Node 1 holds no allocation, so its drain completes in its own step (N-17).
        b.drainCompleted(1, false);
        MonitorViolation v = assertOnly(b.check(), Invariant.PLACEMENT_GATE);
        assertTrue(v.message().contains("draining"), v.message());
    }

    @Test
    void aLeaseOnADeadNodeFires() {
        HistoryBuilder b = RayFlows.declareDead(RayFlows.bareCluster().at(1), 1).at(2)
                .submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        MonitorViolation v = assertFires(b.check(), Invariant.PLACEMENT_GATE);
        assertTrue(v.message().contains("DOWN"), v.message());
    }

    @Test
    void aLeaseOnAnInfeasibleNodeFires() {
        HistoryBuilder b = RayFlows.cluster().node(3, 500, 1_024, false).at(1).submit(1, -1, 3)
                .pending(1, 0).lease(1, 0, 3);
        MonitorViolation v = assertFires(b.check(), Invariant.PLACEMENT_GATE);
        assertTrue(v.message().contains("infeasible"), v.message());
    }

    @Test
    void aSecondSpillbackFires() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0);
        b.add(new LeaseGranted(b.now(), 1, 0, 1, 1_000, 2));
        assertFires(b.check(), Invariant.SPILLBACK_DEPTH);
        HistoryBuilder once = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0);
        once.add(new LeaseGranted(once.now(), 1, 0, 1, 1_000, 1));
        // One spillback is fine; only the missing reservation of this hand-made lease shows.
        assertOnly(once.at(2).tick().check(), Invariant.RESOURCE_ACCOUNTING);
    }
}
