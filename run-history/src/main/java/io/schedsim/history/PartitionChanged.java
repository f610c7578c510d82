package io.schedsim.history;

/**
 * Ground truth: messages to and/or from the servers are blocked for a node (F-4, F-5); both false ends it.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param toServerBlocked node-to-server messages dropped
 * @param fromServerBlocked server-to-node messages dropped
 */
public record PartitionChanged(
        long atNanos, int node, boolean toServerBlocked, boolean fromServerBlocked) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public PartitionChanged {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.PARTITION_CHANGED;
    }
}
