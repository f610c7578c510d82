package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.ClockDriftChanged;
import io.schedsim.history.HealthChecksChanged;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * N-13 from the health hook (client/allocrunner/health_hook.go {@code watchHealth}: "Default to
 * unhealthy for the deadline reached case"): service job 10 (count 1, min_healthy_time 10 s)
 * places allocation 100 on node 1 at 1.01 s.
 */
class HealthDeadlineGuardTest {
    private static HistoryBuilder placed(long healthyDeadlineMillis) {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2);
        b.at(1).job(new JobRegistered(b.now(), 10, "web", JobType.SERVICE, 1, 100, 64, 1,
                10_000, healthyDeadlineMillis, 0, 30_000, true));
        return b.at(1.01).plan(10, 1, 0, 0, 0).place(100, 10, 1).at(1.2).running(100);
    }

    private static HistoryBuilder health(HistoryBuilder b, double at, boolean healthy) {
        b.at(at);
        return b.add(new AllocHealthSet(b.now(), 100, healthy));
    }

    /** As {@link #placed}, with node 1's checks (or every node's) failing from 0.5 s. */
    private static HistoryBuilder placedFailing(int node, double endsAt) {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2);
        b.at(0.5).add(new HealthChecksChanged(b.now(), node, true));
        b.at(1).job(new JobRegistered(b.now(), 10, "web", JobType.SERVICE, 1, 100, 64, 1,
                10_000, 300_000, 0, 30_000, true));
        b.at(1.01).plan(10, 1, 0, 0, 0).place(100, 10, 1);
        if (endsAt < 1.2) {
            b.at(endsAt).add(new HealthChecksChanged(b.now(), node, false));
        }
        return b.at(1.2).running(100);
    }

    @Test
    void anAllocationStartedWhileItsChecksFailIsNeverHealthy() {
        // unhealthy-allocs (N-13; client/allochealth/tracker.go: a critical check keeps it
        // unhealthy): healthy after min_healthy_time fires, unhealthy at the deadline is quiet.
        MonitorViolation v = assertOnly(health(placedFailing(1, 99), 11.2, true).at(20).check(),
                Invariant.HEALTH_DEADLINE);
        assertEquals(100, v.alloc());
        assertOnly(health(placedFailing(-1, 99), 11.2, true).at(20).check(),
                Invariant.HEALTH_DEADLINE);
        assertQuiet(health(placedFailing(1, 99), 301.01, false).at(310).check());
        // Checks of another node, or a window that ended before the allocation ran: quiet.
        assertQuiet(health(placedFailing(2, 99), 11.2, true).at(20).check());
        assertQuiet(health(placedFailing(1, 1.1), 11.2, true).at(20).check());
    }

    @Test
    void healthyOnTimeAndUnhealthyAtTheDeadlineAreQuiet() {
        assertQuiet(health(placed(300_000), 11.2, true).at(20).check());
        assertQuiet(health(placed(10_000), 11.01, false).at(20).check());
    }

    @Test
    void healthyAlthoughMinHealthyTimeReachesTheDeadlineFires() {
        // The deadline (10 s from the alloc runner's start) comes before 10 s of running.
        MonitorViolation v = assertOnly(health(placed(10_000), 11.2, true).at(20).check(),
                Invariant.HEALTH_DEADLINE);
        assertEquals(100, v.alloc());
        assertEquals(10, v.job());
    }

    @Test
    void unhealthyBeforeTheDeadlineFiresUnlessTheClockWasOff() {
        assertOnly(health(placed(300_000), 20, false).at(30).check(), Invariant.HEALTH_DEADLINE);
        HistoryBuilder drifted = placed(300_000);
        drifted.add(new ClockDriftChanged(drifted.now(), 1, -900_000));
        assertQuiet(health(drifted, 20, false).at(30).check());
    }
}
