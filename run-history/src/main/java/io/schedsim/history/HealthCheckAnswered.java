package io.schedsim.history;

/**
 * A health check's reply reached the GCS in time.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 */
public record HealthCheckAnswered(long atNanos, int node) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HealthCheckAnswered {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.HEALTH_CHECK_ANSWERED;
    }
}
