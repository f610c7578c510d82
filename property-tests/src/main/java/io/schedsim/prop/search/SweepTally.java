package io.schedsim.prop.search;

import io.schedsim.core.metrics.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * A mutable running sum of {@link SweepPartial}s, for one thread folding many seeds: histograms
 * are added in place (each key copied once, on first sight) instead of copied on every merge,
 * which on a sweep of small runs cost more than the runs. Not thread-safe.
 */
final class SweepTally {
    private static final int SIGNIFICANT_DIGITS = 3;

    private long seedsRun;
    private long passed;
    private long shrinkRuns;
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Long> violationsByInvariant = new TreeMap<>();
    private final Map<String, Long> faultsFired = new TreeMap<>();
    private final Map<String, Long> faultsSkipped = new TreeMap<>();
    private final Map<String, Histogram> latencyMillis = new TreeMap<>();

    void add(SweepPartial partial) {
        seedsRun += partial.seedsRun();
        passed += partial.passed();
        shrinkRuns += partial.shrinkRuns();
        failures.addAll(partial.failures());
        partial.violationsByInvariant().forEach((k, v) -> violationsByInvariant.merge(k, v, Long::sum));
        partial.faultsFired().forEach((k, v) -> faultsFired.merge(k, v, Long::sum));
        partial.faultsSkipped().forEach((k, v) -> faultsSkipped.merge(k, v, Long::sum));
        partial.latencyMillis().forEach((k, h) -> {
            Histogram mine = latencyMillis.get(k);
            if (mine == null) {
                latencyMillis.put(k, h.copy());
            } else {
                mine.add(h);
            }
        });
    }

    /** Records one run's latency values into the tally's histograms. */
    void addLatencies(Map<String, LatencyRecorder> recorders) {
        recorders.forEach((name, recorder) -> recorder.addTo(
                latencyMillis.computeIfAbsent(name, n -> new Histogram(SIGNIFICANT_DIGITS))));
    }

    /**
     * The sum as a partial that takes over this tally's histograms, for a tally about to be
     * dropped: no copies. The tally must not be used afterwards.
     */
    SweepPartial handOver() {
        return new SweepPartial(seedsRun, passed, List.copyOf(failures), violationsByInvariant,
                faultsFired, faultsSkipped, latencyMillis, shrinkRuns);
    }
}
