package io.schedsim.prop.notebook;

import io.schedsim.core.metrics.PercentileSummary;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The runs of one scenario over a range of seeds, with their latencies merged. */
public final class RunSeries {
    private final List<ScenarioRun> runs;

    RunSeries(List<ScenarioRun> runs) {
        this.runs = List.copyOf(runs);
    }

    public List<ScenarioRun> runs() {
        return runs;
    }

    public int size() {
        return runs.size();
    }

    /** Every run's histogram called {@code name}, added together. */
    public Histogram histogram(String name) {
        Histogram merged = new Histogram(2);
        for (ScenarioRun run : runs) {
            merged.add(run.histogram(name));
        }
        return merged;
    }

    /** Percentiles over all runs of a latency, in milliseconds. */
    public PercentileSummary latency(String name) {
        return PercentileSummary.of(histogram(name));
    }

    /** The runs that violated an invariant. */
    public List<ScenarioRun> failing() {
        List<ScenarioRun> failing = new ArrayList<>();
        for (ScenarioRun run : runs) {
            if (run.violated()) {
                failing.add(run);
            }
        }
        return failing;
    }
}
