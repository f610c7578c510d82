package io.schedsim.history;

/**
 * Operator call: drain disable (N-2), with its result; emitted after its effects.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param markEligible MarkEligible of the call
 * @param accepted false if the servers rejected the call
 * @param message the servers' answer
 */
public record DrainCancelCall(
        long atNanos, int node, boolean markEligible, boolean accepted, String message) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public DrainCancelCall {
        Require.time(atNanos);
        Require.id("node", node);
        Require.text("message", message);
    }

    @Override
    public EventType type() {
        return EventType.DRAIN_CANCEL_CALL;
    }
}
