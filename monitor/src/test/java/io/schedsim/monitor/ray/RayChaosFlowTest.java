package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;

import io.schedsim.history.ErrorType;
import io.schedsim.history.KillerConfigured;
import io.schedsim.monitor.HealthChecks;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorCostProbe;
import org.junit.jupiter.api.Test;

/**
 * SC-1 in miniature, correct end to end: the killer terminates worker 1 at 9.5 s, its health
 * checks time out five times and it is DEAD at 73.004 s (within 68 s); its two attempts fail
 * NODE_DIED in that step, release their CPU and are retried on worker 3; every task finishes and
 * the run goes on 60 s past the last result. Many guards judge it together; none may fire.
 */
class RayChaosFlowTest {
    private static HistoryBuilder chaos(boolean failAttemptsAtDeath) {
        HistoryBuilder b = HistoryBuilder.ray();
        b.add(new KillerConfigured(0, 2, 60_000, 1));
        b.node(0, 0, 8_192, true).node(1).node(2).node(3);
        b.at(1);
        for (long task = 1; task <= 4; task++) {
            b.submit(task, -1, -1).pending(task, 0).lease(task, 0, task <= 2 ? 1 : 2);
        }
        b.at(5).finishAttempt(3, 0, 2).resolve(3, ErrorType.NONE).finishAttempt(4, 0, 2)
                .resolve(4, ErrorType.NONE);
        HealthChecks checks = new HealthChecks(b, 1);
        checks.answeredUntil(9);
        b.at(9.5).terminate(1, true);
        checks.timeouts(5).builder().down(1);
        if (failAttemptsAtDeath) {
            for (long task = 1; task <= 2; task++) {
                b.failAttempt(task, 0, 1, ErrorType.NODE_DIED).pending(task, 1)
                        .lease(task, 1, 3);
            }
        }
        b.at(80);
        for (long task = 1; task <= 2; task++) {
            b.finishAttempt(task, 1, 3).resolve(task, ErrorType.NONE);
        }
        return b.at(141).end();
    }

    @Test
    void aCorrectChaosRunIsQuiet() {
        assertQuiet(chaos(true).check());
    }

    @Test
    void theSameRunWithoutFailingTheDeadNodesAttemptsIsCaught() {
        assertFires(chaos(false).check(), Invariant.NODE_DEATH_FAILS_ATTEMPTS);
    }

    @Test
    void theCostProbesSmokeHistoryIsQuiet() {
        // 288 outer tasks with children, health checks on ten nodes: the probe measures this.
        assertQuiet(io.schedsim.monitor.Monitor.check(MonitorCostProbe.history(1)));
    }
}
