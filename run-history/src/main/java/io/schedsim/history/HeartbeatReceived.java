package io.schedsim.history;

/**
 * The servers received a heartbeat and reset the node's timer to ttl + grace (N-24).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param ttlNanos the ttl drawn for this heartbeat and returned to the client
 */
public record HeartbeatReceived(long atNanos, int node, long ttlNanos) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HeartbeatReceived {
        Require.time(atNanos);
        Require.id("node", node);
        Require.positive("ttlNanos", ttlNanos);
    }

    @Override
    public EventType type() {
        return EventType.HEARTBEAT_RECEIVED;
    }
}
