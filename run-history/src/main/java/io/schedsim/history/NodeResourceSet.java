package io.schedsim.history;

/**
 * One Ray custom resource of a node (R-12, R-14: {@code ray start --resources}), emitted right
 * after the node's node-registered, one event per resource, and only for a node that has any. A
 * node without such an event for a resource has none of it. Custom resources decide where a
 * request is feasible and available; they do not enter the hybrid policy's score.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param name resource name, e.g. accel or head
 * @param amountMilli capacity in thousandths of a unit (Ray's resources are fractional)
 */
public record NodeResourceSet(long atNanos, int node, String name, long amountMilli)
        implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public NodeResourceSet {
        Require.time(atNanos);
        Require.id("node", node);
        Require.text("name", name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        Require.positive("amountMilli", amountMilli);
    }

    @Override
    public EventType type() {
        return EventType.NODE_RESOURCE_SET;
    }
}
