package io.schedsim.history;

/**
 * The servers' view of a node's status changed (N-24..N-28; Ray DEAD is DOWN).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param status new status
 * @param reason the servers' event text, e.g. "Node heartbeat missed"
 */
public record NodeStatusChanged(
        long atNanos, int node, NodeStatus status, String reason) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public NodeStatusChanged {
        Require.time(atNanos);
        Require.id("node", node);
        Require.present("status", status);
        Require.text("reason", reason);
    }

    @Override
    public EventType type() {
        return EventType.NODE_STATUS_CHANGED;
    }
}
