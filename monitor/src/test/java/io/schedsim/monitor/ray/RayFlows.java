package io.schedsim.monitor.ray;

import io.schedsim.history.DetectorPolicy;
import io.schedsim.history.ErrorType;
import io.schedsim.history.HealthCheckFailure;
import io.schedsim.monitor.HistoryBuilder;

/** Ray histories for the task and ledger tests: a 0-CPU head 0 and 4-CPU workers 1 and 2. */
final class RayFlows {
    private RayFlows() {}

    static HistoryBuilder cluster() {
        return HistoryBuilder.ray().node(0, 0, 8_192, true).node(1).node(2);
    }

    /** Task 1 (max_retries 3): attempt 0 dies with its worker at 2 s, attempt 1 finishes. */
    static HistoryBuilder retried() {
        HistoryBuilder b = cluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        b.at(2).failAttempt(1, 0, 1, ErrorType.WORKER_DIED).pending(1, 1).lease(1, 1, 2);
        return b.at(3).finishAttempt(1, 1, 2).resolve(1, ErrorType.NONE);
    }

    /**
     * A Ray cluster without health-check or drainer settings (those guards stand aside), where
     * {@link #declareDead} kills a node and declares it DEAD after five explained failures.
     */
    static HistoryBuilder bareCluster() {
        return HistoryBuilder.bare(DetectorPolicy.RAY_HEALTH_CHECK).node(0, 0, 8_192, true)
                .node(1).node(2);
    }

    static HistoryBuilder declareDead(HistoryBuilder b, int node) {
        b.terminate(node, false);
        for (int i = 0; i < 5; i++) {
            b.advanceMillis(1).checkSent(node).advanceMillis(1)
                    .checkFailed(node, HealthCheckFailure.TIMEOUT);
        }
        return b.down(node);
    }
}
