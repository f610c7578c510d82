package io.schedsim.history;

/**
 * Ground truth: the health checks of allocations that start running on a node from now on fail,
 * or pass again (the fault {@code unhealthy-allocs}, N-13): such an allocation never turns
 * healthy and is set unhealthy at its healthy_deadline.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id, or -1 for every node, present and future
 * @param failing true while the checks fail
 */
public record HealthChecksChanged(long atNanos, int node, boolean failing) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HealthChecksChanged {
        Require.time(atNanos);
        Require.idOrNone("node", node);
    }

    @Override
    public EventType type() {
        return EventType.HEALTH_CHECKS_CHANGED;
    }
}
