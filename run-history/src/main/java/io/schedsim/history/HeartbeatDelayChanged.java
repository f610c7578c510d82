package io.schedsim.history;

/**
 * Ground truth: extra one-way delay of a node's heartbeats and health checks; 0 ends it.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param extraDelayNanos extra delay
 */
public record HeartbeatDelayChanged(
        long atNanos, int node, long extraDelayNanos) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HeartbeatDelayChanged {
        Require.time(atNanos);
        Require.id("node", node);
        Require.nonNegative("extraDelayNanos", extraDelayNanos);
    }

    @Override
    public EventType type() {
        return EventType.HEARTBEAT_DELAY_CHANGED;
    }
}
