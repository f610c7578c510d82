package io.schedsim.history;

/**
 * Ground truth: a node's clock runs off true time; 0 ends it.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param ratePpm drift in parts per million
 */
public record ClockDriftChanged(long atNanos, int node, long ratePpm) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ClockDriftChanged {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.CLOCK_DRIFT_CHANGED;
    }
}
