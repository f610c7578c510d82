package io.schedsim.history;

/**
 * Ground truth: the loss probability of a node's heartbeats and health checks; 0 ends it.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param lossProbability probability in [0, 1]
 */
public record HeartbeatLossChanged(
        long atNanos, int node, double lossProbability) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HeartbeatLossChanged {
        Require.time(atNanos);
        Require.id("node", node);
        Require.probability("lossProbability", lossProbability);
    }

    @Override
    public EventType type() {
        return EventType.HEARTBEAT_LOSS_CHANGED;
    }
}
