package io.schedsim.history;

/**
 * The drainer cleared a drain (N-17, N-18); deadlineReached is the model's claim.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param deadlineReached the event detail deadline_reached, as the model claims it
 */
public record DrainCompleted(
        long atNanos, int node, boolean deadlineReached) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public DrainCompleted {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.DRAIN_COMPLETED;
    }
}
