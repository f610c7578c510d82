package io.schedsim.history;

/**
 * Ground truth: the node agent process died; the host refuses connections (F-2).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param byKiller true if the chaos killer did it (INV-20)
 */
public record AgentKilled(long atNanos, int node, boolean byKiller) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public AgentKilled {
        Require.time(atNanos);
        Require.id("node", node);
    }

    @Override
    public EventType type() {
        return EventType.AGENT_KILLED;
    }
}
