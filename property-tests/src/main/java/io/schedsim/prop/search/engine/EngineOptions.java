package io.schedsim.prop.search.engine;

import java.util.List;
import java.util.Map;

/**
 * How to open a {@link SweepEngine}: each engine reads the fields that apply to it and ignores the
 * rest.
 *
 * @param threads simulations in parallel, for an engine that runs them in this JVM
 * @param master the cluster to run on, for a cluster engine (e.g. Spark's {@code local[*]} or
 *     {@code spark://host:7077}); null for the engine's default
 * @param jars extra jars (user variants, scenarios, checks) that the engine must make available
 *     wherever it runs blocks
 * @param properties engine-specific settings, e.g. Spark configuration keys
 */
public record EngineOptions(int threads, String master, List<String> jars,
        Map<String, String> properties) {
    public EngineOptions {
        jars = List.copyOf(jars);
        properties = Map.copyOf(properties);
    }

    /** Options for the {@code threads} engine. */
    public static EngineOptions threads(int count) {
        return new EngineOptions(count, null, List.of(), Map.of());
    }

    /** Options for a cluster engine. */
    public static EngineOptions cluster(String master) {
        return new EngineOptions(0, master, List.of(), Map.of());
    }

    public EngineOptions withJars(List<String> more) {
        return new EngineOptions(threads, master, more, properties);
    }

    public EngineOptions withProperties(Map<String, String> more) {
        return new EngineOptions(threads, master, jars, more);
    }
}
