package io.schedsim.history;

/**
 * Operator call: drain enable or update (N-1, N-4), with its result; emitted after its effects.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param deadlineMillis drain deadline from the call; 0 means no deadline (ignored with force)
 * @param force -force: the deadline is now
 * @param ignoreSystemJobs -ignore-system
 * @param accepted false if the servers rejected the call (then nothing changed)
 * @param message the servers' answer
 */
public record DrainSetCall(
        long atNanos, int node, long deadlineMillis, boolean force, boolean ignoreSystemJobs,
        boolean accepted, String message) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public DrainSetCall {
        Require.time(atNanos);
        Require.id("node", node);
        Require.nonNegative("deadlineMillis", deadlineMillis);
        Require.text("message", message);
    }

    @Override
    public EventType type() {
        return EventType.DRAIN_SET_CALL;
    }
}
