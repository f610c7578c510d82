package io.schedsim.history;

/**
 * Ground truth: a dead node came back, under its old id or as newNode (then registered).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node the node that had died
 * @param newNode the id it came back under: node itself, or a new id that registers
 */
public record NodeRestarted(long atNanos, int node, int newNode) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public NodeRestarted {
        Require.time(atNanos);
        Require.id("node", node);
        Require.id("newNode", newNode);
    }

    @Override
    public EventType type() {
        return EventType.NODE_RESTARTED;
    }
}
