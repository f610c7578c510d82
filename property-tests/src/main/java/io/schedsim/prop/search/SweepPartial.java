package io.schedsim.prop.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one unit of sweep work found: seeds run, failures, outcome and fault counts, and latency
 * histograms. Partials merge associatively, so a sweep can be split across threads or machines.
 */
public record SweepPartial(long seedsRun, long passed, List<Failure> failures,
        Map<String, Long> violationsByInvariant, Map<String, Long> faultsFired,
        Map<String, Long> faultsSkipped, Map<String, Histogram> latencyMillis, long shrinkRuns)
        implements Serializable {

    public static SweepPartial empty() {
        return new SweepPartial(0, 0, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0);
    }

    public SweepPartial merge(SweepPartial other) {
        List<Failure> merged = new ArrayList<>(failures);
        merged.addAll(other.failures);
        Map<String, Histogram> histograms = new TreeMap<>();
        latencyMillis.forEach((k, h) -> histograms.put(k, h.copy()));
        other.latencyMillis.forEach((k, h) -> histograms.merge(k, h.copy(), (a, b) -> {
            a.add(b);
            return a;
        }));
        return new SweepPartial(seedsRun + other.seedsRun, passed + other.passed, merged,
                sum(violationsByInvariant, other.violationsByInvariant),
                sum(faultsFired, other.faultsFired), sum(faultsSkipped, other.faultsSkipped),
                histograms, shrinkRuns + other.shrinkRuns);
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> result = new TreeMap<>(a);
        b.forEach((k, v) -> result.merge(k, v, Long::sum));
        return result;
    }
}
