package io.schedsim.history;

/**
 * A plan updated an allocation in place to its job's new version (N-36): same allocation, same
 * node, no stop (a change tasksUpdated calls non-destructive).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param alloc allocation id
 * @param version the job version it runs from now on
 */
public record AllocUpdatedInPlace(long atNanos, int alloc, int version) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public AllocUpdatedInPlace {
        Require.time(atNanos);
        Require.id("alloc", alloc);
        Require.nonNegative("version", version);
    }

    @Override
    public EventType type() {
        return EventType.ALLOC_UPDATED_IN_PLACE;
    }
}
