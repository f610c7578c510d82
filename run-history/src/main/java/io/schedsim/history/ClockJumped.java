package io.schedsim.history;

/**
 * Ground truth: a node's clock jumped; a negative jump holds its timers back.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param deltaNanos size of the jump, negative backwards
 */
public record ClockJumped(long atNanos, int node, long deltaNanos) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ClockJumped {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.CLOCK_JUMPED;
    }
}
