package io.schedsim.history;

/**
 * The servers received a heartbeat and reset the node's timer to ttl + grace (N-24), or the GCS
 * reset a live node's count of missed periods (R-9; a DEAD node's heartbeats are ignored and not
 * published).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param ttlNanos the ttl drawn for this heartbeat and returned to the client; under
 *     RAY_LEGACY_HEARTBEAT, num_heartbeats_timeout × period (nothing is drawn or returned)
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
