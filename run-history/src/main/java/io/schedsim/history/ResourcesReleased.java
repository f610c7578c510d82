package io.schedsim.history;

/**
 * Capacity released on a node by one holder (INV-17).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param cpuMilli milli-CPU
 * @param memMb MiB
 * @param alloc holding allocation, or -1
 * @param task holding task, or -1
 * @param attempt holding attempt, or -1
 */
public record ResourcesReleased(
        long atNanos, int node, long cpuMilli, long memMb, int alloc, long task, int attempt) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ResourcesReleased {
        Require.time(atNanos);
        Require.id("node", node);
        Require.nonNegative("cpuMilli", cpuMilli);
        Require.nonNegative("memMb", memMb);
        Require.idOrNone("alloc", alloc);
        Require.idOrNone("task", task);
        Require.idOrNone("attempt", attempt);
        Require.holder(alloc, task, attempt);
    }

    @Override
    public EventType type() {
        return EventType.RESOURCES_RELEASED;
    }
}
