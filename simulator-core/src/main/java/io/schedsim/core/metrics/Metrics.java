package io.schedsim.core.metrics;

import it.unimi.dsi.fastutil.objects.Object2LongLinkedOpenHashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named latency recorders and counters of one run, in insertion order. Recorders keep raw values
 * and turn into 3-significant-digit HdrHistograms on demand, so per-run metrics fold into sweeps.
 * Look a recorder up once and keep the reference on hot paths.
 */
public final class Metrics {
    private final Map<String, LatencyRecorder> recorders = new LinkedHashMap<>();
    private final Object2LongLinkedOpenHashMap<String> counters = new Object2LongLinkedOpenHashMap<>();

    /** The recorder called {@code name}, created empty on first use. */
    public LatencyRecorder recorder(String name) {
        return recorders.computeIfAbsent(name, n -> new LatencyRecorder());
    }

    public PercentileSummary summary(String name) {
        LatencyRecorder recorder = recorders.get(name);
        return recorder == null ? PercentileSummary.EMPTY : recorder.summary();
    }

    public void increment(String counter) {
        counters.addTo(counter, 1);
    }

    public void add(String counter, long delta) {
        counters.addTo(counter, delta);
    }

    public long counter(String name) {
        return counters.getLong(name);
    }

    public Map<String, LatencyRecorder> recorders() {
        return Collections.unmodifiableMap(recorders);
    }

    public Map<String, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }

    /** Adds every recorded value and counter of {@code other} into this one. */
    public void merge(Metrics other) {
        other.recorders.forEach((name, r) -> {
            LatencyRecorder mine = recorder(name);
            for (int i = 0; i < r.count(); i++) {
                mine.record(r.valueAt(i));
            }
        });
        other.counters.object2LongEntrySet().forEach(e -> counters.addTo(e.getKey(), e.getLongValue()));
    }
}
