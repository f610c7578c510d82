package io.schedsim.history;

/**
 * A Nomad client sent a heartbeat (N-25).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 */
public record HeartbeatSent(long atNanos, int node) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HeartbeatSent {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.HEARTBEAT_SENT;
    }
}
