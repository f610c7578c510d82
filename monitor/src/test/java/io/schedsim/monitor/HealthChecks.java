package io.schedsim.monitor;

import io.schedsim.history.HealthCheckFailure;

/**
 * Health-check schedules of one node that follow R-7 under {@link HistoryBuilder#ray()}'s
 * settings (initial delay 5 s, period 3 s, timeout 10 s, threshold 5), with a 2 ms round trip:
 * the first check 5 s after registration at 0, each next one a period after the last outcome.
 */
public final class HealthChecks {
    private final HistoryBuilder b;
    private final int node;
    private long nextSendMillis = 5_000;

    public HealthChecks(HistoryBuilder b, int node) {
        this.b = b;
        this.node = node;
    }

    /** Answered checks while they are sent before {@code untilSeconds}. */
    public HealthChecks answeredUntil(double untilSeconds) {
        while (nextSendMillis < untilSeconds * 1000) {
            b.atMillis(nextSendMillis).checkSent(node).atMillis(nextSendMillis + 2)
                    .checkAnswered(node);
            nextSendMillis += 2 + 3_000;
        }
        return this;
    }

    /** {@code count} checks that time out after 10 s each, a period apart. */
    public HealthChecks timeouts(int count) {
        for (int i = 0; i < count; i++) {
            b.atMillis(nextSendMillis).checkSent(node).atMillis(nextSendMillis + 10_000)
                    .checkFailed(node, HealthCheckFailure.TIMEOUT);
            nextSendMillis += 10_000 + 3_000;
        }
        return this;
    }

    /** {@code count} checks refused after 2 ms each, {@code gapMillis} apart. */
    public HealthChecks refusals(int count, long gapMillis) {
        for (int i = 0; i < count; i++) {
            b.atMillis(nextSendMillis).checkSent(node).atMillis(nextSendMillis + 2)
                    .checkFailed(node, HealthCheckFailure.REFUSED);
            nextSendMillis += 2 + gapMillis;
        }
        return this;
    }

    /** When the next check would be sent. */
    public long nextSendMillis() {
        return nextSendMillis;
    }

    public HistoryBuilder builder() {
        return b;
    }
}
