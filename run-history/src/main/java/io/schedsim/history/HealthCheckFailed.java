package io.schedsim.history;

/**
 * A health check failed: timed out or refused.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param failure timeout or refused connection
 */
public record HealthCheckFailed(
        long atNanos, int node, HealthCheckFailure failure) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HealthCheckFailed {
        Require.time(atNanos);
        Require.id("node", node);
        Require.present("failure", failure);
    }

    @Override
    public EventType type() {
        return EventType.HEALTH_CHECK_FAILED;
    }
}
