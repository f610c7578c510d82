package io.schedsim.monitor.detect;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.HealthCheckFailure;
import io.schedsim.monitor.HealthChecks;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** R-7's schedule and INV-12's bounds for Ray's pull health checks. */
class HealthCheckGuardTest {
    /** Node 1 answers checks sent up to 9 s (last at 8.002 s) and is terminated at 9.5 s. */
    private static HealthChecks killedAfterChecks() {
        HealthChecks checks = new HealthChecks(HistoryBuilder.ray().node(1).node(2), 1)
                .answeredUntil(9);
        checks.builder().at(9.5).terminate(1, false);
        return checks;
    }

    @Test
    void aKilledNodeDeclaredDeadOnScheduleIsQuiet() {
        HistoryBuilder b = killedAfterChecks().timeouts(5).builder().down(1);
        assertQuiet(b.at(80).end().check());
    }

    @Test
    void deadBeforeTheThresholdFires() {
        HistoryBuilder b = killedAfterChecks().timeouts(4).builder().down(1);
        MonitorViolation v = assertOnly(b.check(), Invariant.HEALTH_CHECK_DETECTION);
        assertTrue(v.message().contains("after 4 consecutive failed checks"), v.message());
    }

    @Test
    void aStreakTooShortFires() {
        // Five refusals 1 s apart: the schedule is broken and the streak spans 4 s < 12 s.
        HealthChecks checks = new HealthChecks(HistoryBuilder.ray().node(1).node(2), 1)
                .answeredUntil(9);
        checks.builder().at(9.5).killAgent(1);
        HistoryBuilder b = checks.refusals(5, 1_000).builder().down(1);
        MonitorViolation v = assertFires(b.check(), Invariant.HEALTH_CHECK_DETECTION);
        assertTrue(v.message().contains("spanning"), v.message());
        assertFires(b.check(), Invariant.HEALTH_CHECK_SCHEDULE);
    }

    @Test
    void aKilledNodeNotDeadWithinTheBoundFires() {
        // Killed at 9.5 s after its first check: DEAD is due by 9.5 + 5 x 13 + 3 = 77.5 s.
        HistoryBuilder inTime = killedAfterChecks().timeouts(4).builder();
        assertQuiet(inTime.at(77.5).checkSent(1).check());
        HistoryBuilder late = killedAfterChecks().timeouts(4).builder();
        MonitorViolation v = assertOnly(late.at(77.501).checkSent(1).check(),
                Invariant.HEALTH_CHECK_DETECTION);
        assertTrue(v.message().contains("still not DEAD"), v.message());
    }

    /**
     * A reply to a check sent before the kill, held in flight (a delay fault), lands after it
     * and resets the streak: the bound counts from that reply (chaos-swarm seed 108367). Here
     * the check of 5 s is answered at 14 s, after the kill at 9.5 s; five timeouts follow and
     * the node is DEAD at 79 s, past 9.5 + 68 = 77.5 s but within 14 + 68 = 82 s. A reply to a
     * check sent after the kill earns no such extension.
     */
    @Test
    void aReplyInFlightAtTheKillMovesTheBound() {
        assertQuiet(fiveTimeoutsAfter(5).at(79).down(1).check());
        MonitorViolation v = assertFires(fiveTimeoutsAfter(10).at(79).down(1).check(),
                Invariant.HEALTH_CHECK_DETECTION);
        assertTrue(v.message().contains("still not DEAD"), v.message());
    }

    /** Node 1 killed at 9.5 s; a check sent at {@code sentSeconds} answered at 14 s; then five
     * checks, each sent a period after the last outcome and timing out after 10 s. */
    private static HistoryBuilder fiveTimeoutsAfter(double sentSeconds) {
        HistoryBuilder b = HistoryBuilder.ray().node(1).node(2);
        if (sentSeconds < 9.5) {
            b.at(sentSeconds).checkSent(1).at(9.5).terminate(1, false);
        } else {
            b.at(5).checkSent(1).at(5.01).checkAnswered(1);
            b.at(9.5).terminate(1, false).at(sentSeconds).checkSent(1);
        }
        b.at(14).checkAnswered(1);
        for (int k = 0; k < 5; k++) {
            double sent = 17 + 13 * k;
            b.at(sent).checkSent(1).at(sent + 10).checkFailed(1, HealthCheckFailure.TIMEOUT);
        }
        return b;
    }

    @Test
    void aNodeKilledBeforeItsFirstCheckGetsTheInitialDelay() {
        HistoryBuilder b = HistoryBuilder.ray().node(1).node(2).at(1).terminate(1, false);
        // Bound 1 + 68 + 5 = 74 s.
        assertQuiet(b.at(74).checkSent(2).check());
        HistoryBuilder late = HistoryBuilder.ray().node(1).node(2).at(1).terminate(1, false);
        assertFires(late.at(74.001).checkSent(2).check(), Invariant.HEALTH_CHECK_DETECTION);
    }

    @Test
    void theScheduleIsJudged() {
        assertOnly(HistoryBuilder.ray().node(1).at(4.9).checkSent(1).check(),
                Invariant.HEALTH_CHECK_SCHEDULE);
        assertOnly(HistoryBuilder.ray().node(1).at(5).checkSent(1).at(6).checkSent(1).check(),
                Invariant.HEALTH_CHECK_SCHEDULE);
        assertOnly(HistoryBuilder.ray().node(1).at(5).checkSent(1).at(5.1).checkAnswered(1)
                .at(8).checkSent(1).check(), Invariant.HEALTH_CHECK_SCHEDULE);
        assertOnly(HistoryBuilder.ray().node(1).at(5).checkSent(1).at(15.001).checkAnswered(1)
                .check(), Invariant.HEALTH_CHECK_SCHEDULE);
        assertOnly(HistoryBuilder.ray().node(1).at(5).checkSent(1).at(14.999)
                .checkFailed(1, HealthCheckFailure.TIMEOUT).check(),
                Invariant.HEALTH_CHECK_SCHEDULE);
        assertOnly(HistoryBuilder.ray().node(1).at(5).checkAnswered(1).check(),
                Invariant.HEALTH_CHECK_SCHEDULE);
        assertQuiet(new HealthChecks(HistoryBuilder.ray().node(1), 1).answeredUntil(60)
                .builder().check());
    }
}
