package io.schedsim.history;

/**
 * Autoscaler call: Ray's {@code DrainNode(node_id, reason, reason_message, deadline)}, with
 * its result; emitted after its effects. An accepted call leaves the node DRAINING (no new leases,
 * R-17) until it dies; the deadline is only a hint, but a death after a PREEMPTION deadline is
 * AUTOSCALER_DRAIN_PREEMPTED, and tasks lost to it retry for free.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param reason IDLE_TERMINATION or PREEMPTION
 * @param deadlineMillis deadline from the call; 0 means none, negative is invalid (Ray answers an
 *     error; Ray's absolute timestamp, made relative to the call)
 * @param accepted false if the GCS rejected the call (then nothing changed)
 * @param message the GCS's answer, e.g. the rejection reason
 */
public record RayDrainCall(
        long atNanos, int node, RayDrainReason reason, long deadlineMillis, boolean accepted,
        String message) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public RayDrainCall {
        Require.time(atNanos);
        Require.id("node", node);
        Require.present("reason", reason);
        Require.text("message", message);
    }

    @Override
    public EventType type() {
        return EventType.RAY_DRAIN_CALL;
    }
}
