package io.schedsim.monitor.detect;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.ClockJumped;
import io.schedsim.history.HeartbeatDelayChanged;
import io.schedsim.monitor.HealthChecks;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorReport;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-13: a detection needs a fault that could cause it, within the window that decided it. */
class FalsePositiveGuardTest {
    @Test
    void aTtlDetectionWithNoFaultFires() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(1).heartbeat(1, 15_000);
        MonitorViolation v = assertOnly(b.at(26).down(1).check(), Invariant.NO_FALSE_POSITIVES);
        assertEquals(1, v.node());
    }

    @Test
    void aFaultOverBeforeTheLastHeartbeatIsNoExcuse() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(0.2).partition(1, true)
                .at(0.5).partition(1, false).at(1).heartbeat(1, 15_000);
        assertOnly(b.at(26).down(1).check(), Invariant.NO_FALSE_POSITIVES);
    }

    @Test
    void faultsInTheWindowExcuseATtlDetection() {
        HistoryBuilder partition = HistoryBuilder.nomad().node(1).node(2).at(1)
                .heartbeat(1, 15_000).at(3).partition(1, true).at(6).partition(1, false);
        assertQuiet(partition.at(26).down(1).check());
        HistoryBuilder jump = HistoryBuilder.nomad().node(1).node(2).at(1).heartbeat(1, 15_000);
        jump.at(2).add(new ClockJumped(jump.now(), 1, -5_000_000_000L));
        assertQuiet(jump.at(26).down(1).check());
        HistoryBuilder forward = HistoryBuilder.nomad().node(1).node(2).at(1).heartbeat(1, 15_000);
        forward.at(2).add(new ClockJumped(forward.now(), 1, 5_000_000_000L));
        assertOnly(forward.at(26).down(1).check(), Invariant.NO_FALSE_POSITIVES);
        // A delay that ended before the last heartbeat still excuses it while messages it
        // delayed were in flight: 0.5 s + 4 s of delay reaches past 1 s.
        HistoryBuilder delay = HistoryBuilder.nomad().node(1).node(2);
        delay.at(0.1).add(new HeartbeatDelayChanged(delay.now(), 1, 4_000_000_000L));
        delay.at(0.5).add(new HeartbeatDelayChanged(delay.now(), 1, 0));
        assertQuiet(delay.at(1).heartbeat(1, 15_000).at(26).down(1).check());
    }

    @Test
    void aHealthCheckStreakMustBeExplainedCheckByCheck() {
        // Partitioned from 9 s to 35 s: the checks sent at 11 and 24 s are explained, the ones
        // at 37, 50 and 63 s are not (the partition had ended).
        HealthChecks checks = new HealthChecks(HistoryBuilder.ray().node(1).node(2), 1)
                .answeredUntil(9);
        checks.builder().at(9).partition(1, true);
        checks.timeouts(2).builder().at(35).partition(1, false);
        MonitorViolation v = assertOnly(checks.timeouts(3).builder().down(1).check(),
                Invariant.NO_FALSE_POSITIVES);
        assertEquals(1, v.node());
        HealthChecks whole = new HealthChecks(HistoryBuilder.ray().node(1).node(2), 1)
                .answeredUntil(9);
        whole.builder().at(9).partition(1, true);
        assertQuiet(whole.timeouts(5).builder().down(1).at(80).partition(1, false).check());
    }

    @Test
    void deadWithoutAFailedCheckFires() {
        HistoryBuilder b = HistoryBuilder.ray().node(1).node(2).at(9).terminate(1, false);
        MonitorReport report = b.at(20).down(1).check();
        assertFires(report, Invariant.NO_FALSE_POSITIVES);
        assertFires(report, Invariant.HEALTH_CHECK_DETECTION);
    }
}
