package io.schedsim.monitor.detect;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * R-9 under legacy push heartbeats (1 s × 30; ray:src/ray/gcs/gcs_server/gcs_heartbeat_manager.cc
 * and its gcs_heartbeat_manager_test.cc, TestBasicTimeout and TestBasicReport): DEAD between 29
 * and 30 GCS periods after the last received heartbeat, never sooner, never later.
 */
class LegacyHeartbeatGuardTest {
    /** Node 1's last heartbeat reaches the GCS at 10.003 s; then its host is terminated. */
    private static HistoryBuilder killedAfterAHeartbeat() {
        return HistoryBuilder.rayLegacy().node(1).atMillis(10_003).heartbeat(1, 30_000)
                .atMillis(10_500).terminate(1, false);
    }

    @Test
    void deadWithinTheLastPeriodOfTheTimeoutIsQuiet() {
        assertQuiet(killedAfterAHeartbeat().atMillis(39_003).down(1).at(45).end().check());
        assertQuiet(killedAfterAHeartbeat().atMillis(40_003).down(1).at(45).end().check());
    }

    @Test
    void deadOnePeriodEarlyFires() {
        MonitorViolation v = assertOnly(killedAfterAHeartbeat().atMillis(39_002).down(1)
                .check(), Invariant.LEGACY_HEARTBEAT_DETECTION);
        assertEquals(1, v.node());
        assertTrue(v.message().contains("before (num_heartbeats_timeout - 1) periods"),
                v.message());
    }

    @Test
    void aKilledNodeNotDeadByTheTimeoutFires() {
        // Kill at 10.5 s: the bound is its last heartbeat + 30 s = 40.003 s, within 31 s of it.
        MonitorViolation v = assertOnly(killedAfterAHeartbeat().atMillis(40_004).down(1)
                .check(), Invariant.LEGACY_HEARTBEAT_DETECTION);
        assertTrue(v.message().contains("not DEAD although"), v.message());
    }

    @Test
    void aNodeThatNeverHeartbeatsIsTimedFromItsRegistration() {
        HistoryBuilder b = HistoryBuilder.rayLegacy().node(1).at(0.5).terminate(1, false);
        assertQuiet(b.at(30).down(1).at(31).end().check());
        HistoryBuilder early = HistoryBuilder.rayLegacy().node(1).at(0.5).terminate(1, false);
        assertOnly(early.at(28.999).down(1).check(), Invariant.LEGACY_HEARTBEAT_DETECTION);
    }

    @Test
    void heartbeatsEverySecondKeepANodeAlive() {
        HistoryBuilder b = HistoryBuilder.rayLegacy().node(1);
        for (int s = 1; s <= 120; s++) {
            b.at(s).heartbeat(1, 30_000);
        }
        assertQuiet(b.end().check());
    }

    @Test
    void otherDetectorsLeaveTheGuardAside() {
        // Under health checks, heartbeat-received never arrives and the guard sets no timer.
        assertQuiet(HistoryBuilder.ray().node(1).at(100).end().check());
    }
}
