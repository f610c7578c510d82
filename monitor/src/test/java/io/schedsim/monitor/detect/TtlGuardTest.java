package io.schedsim.monitor.detect;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.LeaderFailover;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-11: TTL detection exactly at last heartbeat + ttl + grace, on the monitor's timers. */
class TtlGuardTest {
    /** Node 1 heartbeats at 1 s with ttl 15 s (expiry 26 s) and is partitioned at 2 s. */
    private static HistoryBuilder cutOff() {
        return HistoryBuilder.nomad().node(1).node(2).at(1).heartbeat(1, 15_000)
                .at(2).partition(1, true);
    }

    @Test
    void downExactlyAtTheExpiryIsQuiet() {
        assertQuiet(cutOff().at(26).down(1).at(30).end().check());
    }

    @Test
    void downBeforeTheExpiryFires() {
        MonitorViolation v = assertOnly(cutOff().at(25.999).down(1).check(),
                Invariant.TTL_DETECTION);
        assertEquals(1, v.node());
        assertTrue(v.message().contains("before its timer expires"), v.message());
    }

    @Test
    void noDetectionPastTheExpiryFires() {
        HistoryBuilder b = cutOff().atNanos(26_000_000_001L).heartbeat(2, 15_000);
        MonitorViolation v = assertOnly(b.check(), Invariant.TTL_DETECTION);
        assertTrue(v.message().contains("not marked down"), v.message());
    }

    @Test
    void aHeartbeatThatBringsTheExpiryForwardIsWatchedFromThen() {
        // The monitor skips the guard until its earliest deadline: after the second heartbeat
        // that is 2 + 10 + 10 = 22 s, no longer 1 + 19 + 10 = 30 s, so a clock at 23 s must ask.
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(1).heartbeat(1, 19_000)
                .at(2).heartbeat(1, 10_000).partition(1, true).at(23).heartbeat(2, 15_000);
        MonitorViolation v = assertOnly(b.check(), Invariant.TTL_DETECTION);
        assertTrue(v.message().contains("expired at 22"), v.message());
    }

    @Test
    void aTtlOutsideTheDrawnRangeFires() {
        // base = max(10 s, 2 nodes / 50 per s) = 10 s: ttl must lie in [10 s, 20 s).
        assertOnly(HistoryBuilder.nomad().node(1).at(1).heartbeat(1, 20_000).check(),
                Invariant.TTL_DETECTION);
        assertOnly(HistoryBuilder.nomad().node(1).at(1).heartbeat(1, 9_999).check(),
                Invariant.TTL_DETECTION);
        assertQuiet(HistoryBuilder.nomad().node(1).at(1).heartbeat(1, 10_000).check());
    }

    @Test
    void aFailoverHoldsDetectionOffForTheFailoverTtl() {
        HistoryBuilder early = cutOff().at(10);
        early.add(new LeaderFailover(early.now()));
        assertFires(early.at(26).down(1).check(), Invariant.TTL_DETECTION);
        HistoryBuilder late = cutOff().at(10);
        late.add(new LeaderFailover(late.now()));
        // Node 2 keeps heartbeating; node 1 is down 5 minutes after the failover.
        for (int s = 20; s < 310; s += 15) {
            late.at(s).heartbeat(2, 15_000);
        }
        assertQuiet(late.at(310).down(1).check());
    }

    @Test
    void downWithoutAnyHeartbeatTimerFires() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(1).partition(1, true);
        assertOnly(b.at(30).down(1).check(), Invariant.TTL_DETECTION);
    }
}
