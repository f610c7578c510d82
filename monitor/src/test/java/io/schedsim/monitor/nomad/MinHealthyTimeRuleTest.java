package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.ClockDriftChanged;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * N-13's lower bound (N-12: healthy only after min_healthy_time running): service job 10 (count
 * 1, min_healthy_time 10 s, healthy_deadline 300 s) places allocation 100 on node 1 at 1.01 s, so
 * it cannot be healthy before 11.01 s.
 */
class MinHealthyTimeRuleTest {
    private static HistoryBuilder placed() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2);
        b.at(1).job(new JobRegistered(b.now(), 10, "web", JobType.SERVICE, 1, 100, 64, 1,
                10_000, 300_000, 0, 30_000, true));
        return b.at(1.01).plan(10, 1, 0, 0, 0).place(100, 10, 1).at(1.2).running(100);
    }

    private static HistoryBuilder healthy(HistoryBuilder b, double at) {
        b.at(at);
        return b.add(new AllocHealthSet(b.now(), 100, true));
    }

    @Test
    void healthyAfterMinHealthyTimeIsQuiet() {
        assertQuiet(healthy(placed(), 11.2).at(20).check());
    }

    @Test
    void healthyBeforeMinHealthyTimeFires() {
        // Running since 1.2 s: a client that skips the 10 s wait reports healthy at 1.3 s.
        MonitorViolation v = assertOnly(healthy(placed(), 1.3).at(20).check(),
                Invariant.HEALTH_DEADLINE);
        assertEquals(100, v.alloc());
        assertEquals(10, v.job());
    }

    @Test
    void aNodeWhoseClockDriftedIsNotJudged() {
        // A fast clock shortens the wait in true time: the bound does not hold there.
        HistoryBuilder drifted = placed();
        drifted.add(new ClockDriftChanged(drifted.now(), 1, 900_000));
        assertQuiet(healthy(drifted, 6).at(20).check());
    }
}
