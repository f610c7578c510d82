package io.schedsim.history;

/**
 * A node joins the cluster (initializing and eligible, SEMANTICS §2.1).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id; never reused
 * @param cpuMilli CPU capacity in milli-CPU
 * @param memMb memory capacity in MiB
 * @param head true for the Ray head node
 * @param replacesNode the node this one replaces (restart under a new id), or -1
 */
public record NodeRegistered(
        long atNanos, int node, long cpuMilli, long memMb, boolean head, int replacesNode) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public NodeRegistered {
        Require.time(atNanos);
        Require.id("node", node);
        Require.nonNegative("cpuMilli", cpuMilli);
        Require.nonNegative("memMb", memMb);
        Require.idOrNone("replacesNode", replacesNode);
    }

    @Override
    public EventType type() {
        return EventType.NODE_REGISTERED;
    }
}
