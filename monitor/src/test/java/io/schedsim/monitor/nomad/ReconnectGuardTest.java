package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * INV-15 (N-30), ReconnectGuard: an allocation that fails on reconnect (unknown, then failed
 * as its node comes back) is stopped by the next plan of its job (reconciler/filters.go's first
 * rule, reconcile_cluster.go {@code reconcileReconnecting}); chaos-swarm seed 115537, where the
 * model kept it and its node stayed disconnected for good.
 */
class ReconnectGuardTest {
    /**
     * {@link NomadFlows#placed} with lost_after 60 s on job 10: node 1 is cut off at 13 s,
     * disconnected at 37 s, allocations 100 and 101 unknown and replaced by 102, 103 at 42 s;
     * the node restarts at 45 s and its client reports both failed.
     */
    private static HistoryBuilder failedOnReconnect() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(11.5).add(new JobDisconnectConfigured(b.now(), 10, 60_000, true, "best_score"));
        b.at(12).heartbeat(1, 15_000).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(13).partition(1, true);
        b.at(22).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(32).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(37).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        b.at(37.01).plan(10, 0, 0, 0, 0);
        b.add(new AllocClientChanged(b.now(), 100, ClientStatus.UNKNOWN));
        b.add(new AllocClientChanged(b.now(), 101, ClientStatus.UNKNOWN));
        b.at(42.01).plan(10, 2, 0, 0, 0).replace(102, 10, 2, 100, 1).replace(103, 10, 3, 101, 1);
        b.at(45).partition(1, false).heartbeat(1, 15_000).status(1, NodeStatus.READY)
                .nodeEvals(1);
        return b.at(45.005).failed(100).failed(101);
    }

    @Test
    void failedReconnectsStoppedByTheNextPlanAreQuiet() {
        HistoryBuilder b = failedOnReconnect();
        b.at(45.01).plan(10, 0, 2, 0, 0).stop(100, "alloc was rescheduled because it failed")
                .stop(101, "alloc was rescheduled because it failed");
        assertQuiet(b.at(45.5).check());
    }

    @Test
    void aFailedReconnectTheNextPlanKeepsFires() {
        HistoryBuilder b = failedOnReconnect();
        b.at(45.01).plan(10, 0, 1, 0, 0).stop(101, "alloc was rescheduled because it failed");
        MonitorViolation v = assertFires(b.at(45.5).check(), Invariant.DISCONNECT);
        assertEquals(100, v.alloc());
    }

    /** A plan from a snapshot taken before the report could not see it; the next one does. */
    @Test
    void aPlanFromASnapshotBeforeTheReportIsNotJudged() {
        HistoryBuilder b = failedOnReconnect();
        long before = 45_000_000_000L;
        b.at(45.01).add(new PlanCommitted(b.now(), 900, 10, before, 0, 0, 0, 0));
        assertQuiet(b.at(45.5).check());
        b.at(46).plan(10, 0, 0, 0, 0);
        assertEquals(100, assertFires(b.at(46.5).check(), Invariant.DISCONNECT).alloc());
    }
}
