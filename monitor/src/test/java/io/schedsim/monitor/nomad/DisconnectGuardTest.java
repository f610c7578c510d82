package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.NodeStatus;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * INV-15 (N-27, N-30, N-31): the disconnect block's flow, after Nomad's
 * {@code TestHeartbeat_InvalidateHeartbeat_DisconnectedClient} (the inclusive lost_after
 * boundary) and the reconciler's disconnecting and expiring classes (reconciler/filters.go).
 */
class DisconnectGuardTest {
    private static final long LOST_AFTER_MILLIS = 60_000;

    /**
     * {@link NomadFlows#placed}: service job 10 (allocations 100 and 101 on node 1) gets a
     * disconnect block with lost_after 60 s; node 1 heartbeats at 12 s (ttl 15 s) and is cut
     * off at 13 s, so its timer fires at 37 s.
     */
    private static HistoryBuilder cutOff(boolean withBlock, boolean replace) {
        HistoryBuilder b = NomadFlows.placed();
        if (withBlock) {
            b.at(11.5).add(new JobDisconnectConfigured(b.now(), 10, LOST_AFTER_MILLIS, replace,
                    "best_score"));
        }
        b.at(12).heartbeat(1, 15_000).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(13).partition(1, true);
        b.at(22).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(32).heartbeat(2, 15_000).heartbeat(3, 15_000);
        return b.at(37);
    }

    private static HistoryBuilder unknown(HistoryBuilder b, int alloc) {
        return b.add(new AllocClientChanged(b.now(), alloc, ClientStatus.UNKNOWN));
    }

    /** Disconnected at the expiry, unknown in the next plan, lost at lastUnknown + lost_after. */
    private static HistoryBuilder disconnected(boolean replace) {
        HistoryBuilder b = cutOff(true, replace).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        b.at(37.01).plan(10, 0, 0, 0, 0);
        unknown(b, 100);
        return unknown(b, 101);
    }

    @Test
    void theCorrectFlowIsQuiet() {
        HistoryBuilder b = disconnected(true);
        b.at(42.01).plan(10, 2, 0, 0, 0).replace(102, 10, 2, 100, 1).replace(103, 10, 3, 101, 1);
        for (int t = 52; t <= 92; t += 10) {
            b.at(t).heartbeat(2, 15_000).heartbeat(3, 15_000);
        }
        // Inclusive boundary: lost exactly at 37.01 s + 60 s.
        b.at(97.01).plan(10, 0, 0, 0, 2).lost(100).lost(101);
        b.at(100).down(1);
        assertQuiet(b.at(100.5).check());
    }

    @Test
    void downWhileAnAllocationWithLostAfterRunsFires() {
        MonitorViolation v = assertFires(cutOff(true, true).down(1).at(37.5).check(),
                Invariant.DISCONNECT);
        assertEquals(1, v.node());
    }

    @Test
    void disconnectedWithoutABlockFires() {
        HistoryBuilder b = cutOff(false, true).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        assertFires(b.at(37.5).check(), Invariant.DISCONNECT);
    }

    @Test
    void downBeforeEveryUnknownAllocationExpiredFires() {
        HistoryBuilder b = disconnected(true);
        MonitorViolation v = assertFires(b.at(60).down(1).at(60.5).check(),
                Invariant.DISCONNECT);
        assertEquals(100, v.alloc());
    }

    @Test
    void lostBeforeLostAfterFires() {
        HistoryBuilder b = disconnected(true);
        b.at(97).plan(10, 0, 0, 0, 1).lost(100);
        MonitorViolation v = assertFires(b.at(97.5).check(), Invariant.DISCONNECT);
        assertEquals(100, v.alloc());
    }

    @Test
    void unknownOnAReadyNodeFires() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(11.5).add(new JobDisconnectConfigured(b.now(), 10, LOST_AFTER_MILLIS, true,
                "keep_original"));
        b.at(12).plan(10, 0, 0, 0, 0);
        unknown(b, 100);
        assertFires(b.at(12.5).check(), Invariant.DISCONNECT);
    }

    @Test
    void anUnknownAllocationWithReplaceFalseReplacedFires() {
        HistoryBuilder b = disconnected(false);
        b.at(42.01).plan(10, 1, 0, 0, 0).replace(102, 10, 2, 100, 1);
        MonitorViolation v = assertFires(b.at(42.5).check(), Invariant.DISCONNECT);
        assertEquals(102, v.alloc());
    }
}
