package io.schedsim.history;

/**
 * One attribute of a node, as its client fingerprinted it: emitted right after the node's
 * node-registered, one event per attribute, and only for a node that has any (N-35). The name is
 * the constraint target without its {@code ${...}}: {@code node.class} for the node class,
 * {@code node.datacenter}, {@code node.pool}, {@code attr.<name>}, {@code meta.<name>}. A node
 * without a node.class event has the empty class.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param node node id
 * @param name target name, e.g. node.class or attr.kernel.name
 * @param value the attribute's value
 */
public record NodeAttributeSet(long atNanos, int node, String name, String value)
        implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public NodeAttributeSet {
        Require.time(atNanos);
        Require.id("node", node);
        Require.text("name", name);
        Require.text("value", value);
    }

    @Override
    public EventType type() {
        return EventType.NODE_ATTRIBUTE_SET;
    }
}
