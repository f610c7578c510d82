package io.schedsim.model.node;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a node's client fingerprints and constraints read (N-35): its node class and a few
 * attributes, keyed by the constraint target without its {@code ${...}} ({@code node.class},
 * {@code node.datacenter}, {@code node.pool}, {@code attr.<name>}, {@code meta.<name>}). Sorted,
 * so that the history lists them in one order. {@link #NONE} is a node as every node was before
 * classes existed: the empty class and nothing else.
 */
public record NodeAttributes(SortedMap<String, String> values) {
    public static final String NODE_CLASS = "node.class";
    public static final NodeAttributes NONE = new NodeAttributes(new TreeMap<>());

    public NodeAttributes {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** A node of class {@code nodeClass} and no other attribute. */
    public static NodeAttributes ofClass(String nodeClass) {
        return NONE.with(NODE_CLASS, nodeClass);
    }

    /** These attributes and {@code name = value}. */
    public NodeAttributes with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        TreeMap<String, String> next = new TreeMap<>(values);
        next.put(name, value);
        return new NodeAttributes(next);
    }

    /** The node class; empty when none was set (Nomad's default). */
    public String nodeClass() {
        return values.getOrDefault(NODE_CLASS, "");
    }

    /** The value of target {@code name} (no {@code ${...}}), or null if the node lacks it. */
    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
