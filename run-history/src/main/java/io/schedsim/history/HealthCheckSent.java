package io.schedsim.history;

/**
 * The GCS sent a health check to a node.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 */
public record HealthCheckSent(long atNanos, int node) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HealthCheckSent {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.HEALTH_CHECK_SENT;
    }
}
