package io.schedsim.history;

/**
 * What a task asks of placement beyond its CPU: memory, one custom resource and a scheduling
 * strategy. Emitted right after its task-submitted, and only for a task that asks
 * for any of them: a task without this event requests CPU only under DEFAULT.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param task task id
 * @param memMb memory request in MiB (Ray's logical {@code memory} resource), 0 for none
 * @param resource custom resource name, or "" for none
 * @param resourceMilli custom resource request in thousandths of a unit, 0 with no resource
 * @param strategy the scheduling strategy
 * @param targetNode the NODE_AFFINITY target node id, else -1
 * @param soft NODE_AFFINITY's soft flag (false for the other strategies)
 */
public record TaskPlacementConfigured(long atNanos, long task, long memMb, String resource,
        long resourceMilli, PlacementStrategy strategy, int targetNode, boolean soft)
        implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public TaskPlacementConfigured {
        Require.time(atNanos);
        Require.id("task", task);
        Require.nonNegative("memMb", memMb);
        Require.present("resource", resource);
        Require.nonNegative("resourceMilli", resourceMilli);
        Require.present("strategy", strategy);
        if (resource.isEmpty() != (resourceMilli == 0)) {
            throw new IllegalArgumentException(
                    "resource and resourceMilli: a resource needs a positive amount and only one");
        }
        if ((strategy == PlacementStrategy.NODE_AFFINITY) != (targetNode >= 0)) {
            throw new IllegalArgumentException(
                    "targetNode: a node id for NODE_AFFINITY and -1 otherwise");
        }
        Require.idOrNone("targetNode", targetNode);
        if (soft && strategy != PlacementStrategy.NODE_AFFINITY) {
            throw new IllegalArgumentException("soft: only NODE_AFFINITY is soft");
        }
    }

    @Override
    public EventType type() {
        return EventType.TASK_PLACEMENT_CONFIGURED;
    }
}
