package io.schedsim.model.node;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a node's agents advertise: for Nomad, what its client fingerprints and constraints read
 * (N-35), its node class and a few attributes keyed by the constraint target without its
 * {@code ${...}} ({@code node.class}, {@code node.datacenter}, {@code node.pool},
 * {@code attr.<name>}, {@code meta.<name>}); for Ray, the custom resources its raylet offers
 * ({@code ray start --resources}, R-12, R-14), in thousandths of a unit. Sorted, so that the
 * history lists them in one order. {@link #NONE} is a node as every node was before classes and
 * custom resources existed: the empty class and nothing else. A restarted host advertises the
 * same under its new id.
 */
public record NodeAttributes(SortedMap<String, String> values,
        SortedMap<String, Long> rayResourcesMilli) {
    public static final String NODE_CLASS = "node.class";
    public static final NodeAttributes NONE = new NodeAttributes(new TreeMap<>());

    public NodeAttributes {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        rayResourcesMilli = Collections.unmodifiableSortedMap(new TreeMap<>(rayResourcesMilli));
        for (Map.Entry<String, Long> resource : rayResourcesMilli.entrySet()) {
            if (resource.getKey().isEmpty() || resource.getValue() <= 0) {
                throw new IllegalArgumentException("a custom resource needs a name and a "
                        + "positive amount: " + resource);
            }
        }
    }

    /** Nomad attributes only, no Ray custom resource. */
    public NodeAttributes(SortedMap<String, String> values) {
        this(values, new TreeMap<>());
    }

    /** These attributes and a Ray custom resource of {@code amountMilli} thousandths. */
    public NodeAttributes withRayResource(String name, long amountMilli) {
        Objects.requireNonNull(name, "name");
        TreeMap<String, Long> next = new TreeMap<>(rayResourcesMilli);
        next.put(name, amountMilli);
        return new NodeAttributes(values, next);
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
        return new NodeAttributes(next, rayResourcesMilli);
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
