package io.schedsim.core.metrics;

import it.unimi.dsi.fastutil.objects.Object2LongLinkedOpenHashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Named HdrHistograms and counters of one run, in insertion order. Histograms auto-resize at 3
 * significant digits and merge with {@link Histogram#add}, so per-run metrics fold into sweeps.
 * Look a histogram up once and keep the reference on hot paths.
 */
public final class Metrics {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Map<String, Histogram> histograms = new LinkedHashMap<>();
    private final Object2LongLinkedOpenHashMap<String> counters = new Object2LongLinkedOpenHashMap<>();

    /** The histogram called {@code name}, created empty on first use. */
    public Histogram histogram(String name) {
        return histograms.computeIfAbsent(name, n -> new Histogram(SIGNIFICANT_DIGITS));
    }

    public PercentileSummary summary(String name) {
        return PercentileSummary.of(histograms.get(name));
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

    public Map<String, Histogram> histograms() {
        return Collections.unmodifiableMap(histograms);
    }

    public Map<String, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }

    /** Adds every histogram and counter of {@code other} into this one. */
    public void merge(Metrics other) {
        other.histograms.forEach((name, h) -> histogram(name).add(h));
        other.counters.object2LongEntrySet().forEach(e -> counters.addTo(e.getKey(), e.getLongValue()));
    }
}
