package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.ErrorType;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.PlacementStrategy;
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

    /** INV-1 reads the task's memory too: the totals must cover it. */
    @Test
    void aLeaseOnANodeWithTooLittleMemoryFires() {
        HistoryBuilder b = RayFlows.cluster().node(3, 4_000, 1_024, false).at(1)
                .submit(1, -1, 3).placement(1, 2_048, "", 0, PlacementStrategy.DEFAULT, -1, false)
                .pending(1, 0).lease(1, 0, 3);
        MonitorViolation v = assertFires(b.check(), Invariant.PLACEMENT_GATE);
        assertTrue(v.message().contains("infeasible: 1024 MiB total for 2048 requested"),
                v.message());
        HistoryBuilder fits = RayFlows.cluster().at(1).submit(1, -1, 3)
                .placement(1, 2_048, "", 0, PlacementStrategy.DEFAULT, -1, false).pending(1, 0)
                .lease(1, 0, 1);
        assertQuiet(fits.at(2).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE).check());
    }

    /** A node without a node-resource-set for the task's custom resource has none of it. */
    @Test
    void aLeaseOnANodeWithoutTheCustomResourceFires() {
        HistoryBuilder b = accelCluster().at(1).submit(1, -1, 3)
                .placement(1, 0, "accel", 1_000, PlacementStrategy.DEFAULT, -1, false)
                .pending(1, 0).lease(1, 0, 2);
        MonitorViolation v = assertFires(b.check(), Invariant.PLACEMENT_GATE);
        assertTrue(v.message().contains("infeasible: 0 milli accel total for 1000 requested"),
                v.message());
        HistoryBuilder tooLittle = accelCluster().at(1).submit(1, -1, 3)
                .placement(1, 0, "accel", 2_500, PlacementStrategy.DEFAULT, -1, false)
                .pending(1, 0).lease(1, 0, 1);
        v = assertFires(tooLittle.check(), Invariant.PLACEMENT_GATE);
        assertTrue(v.message().contains("2000 milli accel total for 2500"), v.message());
        HistoryBuilder fits = accelCluster().at(1).submit(1, -1, 3)
                .placement(1, 0, "accel", 1_000, PlacementStrategy.DEFAULT, -1, false)
                .pending(1, 0).lease(1, 0, 1);
        assertQuiet(fits.at(2).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE).check());
    }

    /** Head 0, worker 1 with 2 accel, worker 2 with none. */
    static HistoryBuilder accelCluster() {
        return HistoryBuilder.ray().node(0, 0, 8_192, true).node(1).resource(1, "accel", 2_000)
                .node(2);
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

    /**
     * The monitor follows the request itself, whatever the grant claims: the raylet on node 1,
     * which the head redirected the request to, redirects it again to node 2 (depth 2), and the
     * grant there lies that it took one spillback. Ray's normal_task_submitter.cc sends a
     * spilled-back request with grant_or_reject set, so the second raylet must grant or reject.
     */
    @Test
    void aRedirectedRequestRedirectedAgainFires() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .spillback(1, 0, 0, 1).spillback(1, 0, 1, 2).lease(1, 0, 2, 1);
        MonitorViolation v = assertOnly(b.check(), Invariant.SPILLBACK_DEPTH);
        assertTrue(v.message().contains("redirected again by node 1"), v.message());
    }

    /**
     * A request queued at node 1 after one spillback, failed back to its owner when node 1 began
     * draining (R-15, ray#57834), is a new request from the owner's raylet: its spillback to node
     * 2 is the first of that request (cluster_lease_manager.cc: a rejected or cancelled lease is
     * re-requested by the owner at its local raylet).
     */
    @Test
    void aRequestFailedBackStartsAgainFromTheOwner() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .spillback(1, 0, 0, 1).at(2).spillback(1, 0, 0, 2).lease(1, 0, 2, 1);
        assertQuiet(b.at(3).finishAttempt(1, 0, 2).resolve(1, ErrorType.NONE).check());
    }

    /** Each attempt's request is its own: attempt 1 redirected from node 1 is its first hop. */
    @Test
    void aRetryRedirectedFromTheNodeOfTheLastAttemptIsQuiet() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .spillback(1, 0, 0, 1).lease(1, 0, 1, 1);
        b.at(2).failAttempt(1, 0, 1, ErrorType.WORKER_DIED).pending(1, 1).spillback(1, 1, 1, 2)
                .lease(1, 1, 2, 1);
        b.at(3).finishAttempt(1, 1, 2).resolve(1, ErrorType.NONE);
        assertQuiet(b.check());
    }
}
