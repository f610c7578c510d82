package io.schedsim.prop.search;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
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

    /** The sum of this and {@code other}; neither is changed. */
    public SweepPartial merge(SweepPartial other) {
        SweepTally tally = new SweepTally();
        tally.add(this);
        tally.add(other);
        return tally.handOver();
    }
}
