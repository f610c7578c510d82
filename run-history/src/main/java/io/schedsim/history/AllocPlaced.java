package io.schedsim.history;

/**
 * A new allocation was committed on a node (INV-1).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param alloc allocation id
 * @param job job id
 * @param node node id
 * @param previousAlloc the allocation it replaces, or -1
 * @param rescheduleAttempts reschedule attempts carried (N-34)
 */
public record AllocPlaced(
        long atNanos, int alloc, int job, int node, int previousAlloc, int rescheduleAttempts) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public AllocPlaced {
        Require.time(atNanos);
        Require.id("alloc", alloc);
        Require.id("job", job);
        Require.id("node", node);
        Require.idOrNone("previousAlloc", previousAlloc);
        Require.nonNegative("rescheduleAttempts", rescheduleAttempts);
    }

    @Override
    public EventType type() {
        return EventType.ALLOC_PLACED;
    }
}
