package io.schedsim.history;

/**
 * Capacity reserved on a node for one holder: an allocation or a task attempt (INV-17).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param cpuMilli milli-CPU
 * @param memMb MiB
 * @param alloc holding allocation, or -1
 * @param task holding task, or -1
 * @param attempt holding attempt, or -1
 */
public record ResourcesReserved(
        long atNanos, int node, long cpuMilli, long memMb, int alloc, long task, int attempt) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ResourcesReserved {
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
        return EventType.RESOURCES_RESERVED;
    }
}
