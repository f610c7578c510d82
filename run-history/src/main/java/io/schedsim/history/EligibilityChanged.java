package io.schedsim.history;

/**
 * A node's scheduling eligibility changed (N-5, N-21); source is the model's claim.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param eligible new eligibility
 * @param source which path changed it, as the model claims
 */
public record EligibilityChanged(
        long atNanos, int node, boolean eligible, EligibilitySource source) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public EligibilityChanged {
        Require.time(atNanos);
        Require.id("node", node);
        Require.present("source", source);
    }

    @Override
    public EventType type() {
        return EventType.ELIGIBILITY_CHANGED;
    }
}
