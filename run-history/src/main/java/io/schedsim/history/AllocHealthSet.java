package io.schedsim.history;

/**
 * An allocation's deployment health was set (N-13).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param alloc allocation id
 * @param healthy true after min_healthy_time, false at healthy_deadline
 */
public record AllocHealthSet(long atNanos, int alloc, boolean healthy) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public AllocHealthSet {
        Require.time(atNanos);
        Require.id("alloc", alloc);
    }

    @Override
    public EventType type() {
        return EventType.ALLOC_HEALTH_SET;
    }
}
