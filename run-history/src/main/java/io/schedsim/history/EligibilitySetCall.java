package io.schedsim.history;

/**
 * Operator call: node eligibility (N-21), with its result; emitted after its effects.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param eligible requested eligibility
 * @param accepted false if the servers rejected the call
 * @param message the servers' answer
 */
public record EligibilitySetCall(
        long atNanos, int node, boolean eligible, boolean accepted, String message) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public EligibilitySetCall {
        Require.time(atNanos);
        Require.id("node", node);
        Require.text("message", message);
    }

    @Override
    public EventType type() {
        return EventType.ELIGIBILITY_SET_CALL;
    }
}
