package io.schedsim.history;

/**
 * Operator call: the node was purged ({@code nomad node purge}, Node.Deregister): the servers
 * deleted it, with its drain, and its allocations are lost in the next plan of their jobs (N-20,
 * N-31: a GC'd node). A later node-status-changed ready is a fresh registration: eligible, no
 * drain. Emitted only for an accepted call; a rejected one changes nothing.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 */
public record NodePurged(long atNanos, int node) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public NodePurged {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.NODE_PURGED;
    }
}
