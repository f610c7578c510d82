package io.schedsim.history;

/**
 * Ground truth: the node's host vanished (F-1).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param byKiller true if the chaos killer did it (INV-20)
 */
public record HostTerminated(long atNanos, int node, boolean byKiller) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HostTerminated {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.HOST_TERMINATED;
    }
}
