package io.schedsim.prop.scenario;

import java.util.Locale;

/**
 * The heap a run needs, estimated from its config before anything is built, so a config too big
 * for the heap is refused at once instead of failing with an OutOfMemoryError a minute in.
 *
 * <p>Footprints measured on the model (JDK 17, {@code -XX:+UseSerialGC}, the smallest
 * {@code -Xmx} with which {@code ray-chaos} completes, 2026-12): 2M and 4M tasks on 100 workers
 * needed 254 and 526 MB, 136 B per outer task (its and its child's table rows, attempts, events
 * and latency samples); 20,000 and 80,000 workers with 1,000 tasks needed 23 and 71 MB, 800 B per
 * node. The Nomad scenarios' knobs cap nodes and allocations at a few thousand (a few MB), so
 * only nodes and Ray tasks are counted. The estimate is a floor, not a bound: a run it admits can
 * still need more, but one it refuses cannot fit.
 */
public record Footprint(long nodes, long tasks) {
    /** The JVM, the model's code and a small cluster: the 16 MB the smallest runs needed. */
    static final long BASE_BYTES = 16L << 20;
    static final long BYTES_PER_NODE = 800;
    static final long BYTES_PER_TASK = 136;
    /** A collector needs room beyond the live set: the suggested -Xmx leaves half again. */
    static final double HEADROOM = 1.5;

    /** A run of a small, fixed-size scenario. */
    public static final Footprint SMALL = new Footprint(0, 0);

    public long heapBytes() {
        return BASE_BYTES + nodes * BYTES_PER_NODE + tasks * BYTES_PER_TASK;
    }

    /** Refuses, with the estimate and the -Xmx to ask for, when the heap cannot hold the run. */
    public void requireFits(String scenario, long maxHeapBytes) {
        long needed = heapBytes();
        if (needed <= maxHeapBytes) {
            return;
        }
        long suggestedMegabytes = (long) Math.ceil(needed * HEADROOM / (1 << 20));
        String xmx = suggestedMegabytes >= 1024
                ? (suggestedMegabytes + 1023) / 1024 + "g" : suggestedMegabytes + "m";
        throw new InputException(String.format(Locale.ROOT, "%s: this config needs about %s of "
                + "heap (%,d nodes x %d B + %,d tasks x %d B + %d MB), more than this JVM's %s; "
                + "run with JAVA_OPTS=-Xmx%s", scenario, size(needed), nodes, BYTES_PER_NODE,
                tasks, BYTES_PER_TASK, BASE_BYTES >> 20, size(maxHeapBytes), xmx));
    }

    /** The estimate checked against this JVM's maximum heap. */
    public static void check(Scenario scenario, ScenarioConfig config) {
        scenario.footprint(config).requireFits(scenario.name(), Runtime.getRuntime().maxMemory());
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }
}
