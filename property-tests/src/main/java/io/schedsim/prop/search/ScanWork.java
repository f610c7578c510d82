package io.schedsim.prop.search;

import io.schedsim.core.metrics.LatencyRecorder;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.guided.Corpus;
import io.schedsim.prop.search.guided.Coverage;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Stage one of a search: runs each run of a block (its spec from the {@link RunSource}: the
 * template at that seed with the seed's ordering, or a guided round's run) and records what
 * happened, shrinking nothing. With {@code stopAtFirstFailure} (a {@code --max-failures} cut
 * applies) the block ends at its first failing run. A guided round's runs are measured
 * ({@link Coverage}) and those that reached a feature the round's corpus had not come back as
 * {@link Reached}. Pure: the same block gives the same partial on any engine, thread or machine.
 */
public final class ScanWork implements BlockWork<ScanPartial> {
    private static final long serialVersionUID = 1L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final SpecTemplate template;
    private final RunSource runs;
    private final boolean stopAtFirstFailure;

    ScanWork(SpecTemplate template, RunSource runs, boolean stopAtFirstFailure) {
        this.template = template;
        this.runs = runs;
        this.stopAtFirstFailure = stopAtFirstFailure;
    }

    /** A scan of {@code template}'s seeds; public for engine benchmarks. */
    public static ScanWork of(RunSpec template, io.schedsim.prop.plugin.Registry registry,
            String orderings) {
        return new ScanWork(new SpecTemplate(template, registry), new SeedRuns(orderings), false);
    }

    @Override
    public ScanPartial apply(SeedBlock block) {
        long passed = 0;
        long last = block.last();
        List<ScanFailure> failures = new ArrayList<>();
        Map<String, Integer> keptPerInvariant = new TreeMap<>();
        Map<String, Long> violations = new TreeMap<>();
        Map<String, Long> fired = new TreeMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, Histogram> latencies = new TreeMap<>();
        List<Reached> reached = new ArrayList<>();
        FeatureHits.Counter hits = runs.measures() ? new FeatureHits.Counter() : null;
        for (long seed = block.first(); seed <= block.last(); seed++) {
            RunSpec spec = runs.spec(template, seed);
            RunOutcome outcome;
            if (runs.measures()) {
                Coverage coverage = new Coverage();
                outcome = spec.run(RunOptions.NONE.withCoverage(coverage));
                int[] features = coverage.features();
                hits.add(features);
                long[] metrics = coverage.metrics();
                Corpus.Snapshot corpus = ((GuidedRound) runs).corpus();
                if (corpus.anyNew(features) || corpus.improves(metrics)) {
                    reached.add(new Reached(seed, spec.seed(), spec.ordering(),
                            outcome.plan().toJson(), outcome.cluster() == null ? 0
                                    : outcome.cluster().nodeSlotCount(), features, metrics,
                            coverage.focus()));
                }
            } else {
                outcome = spec.run();
            }
            RunResult result = outcome.result();
            result.faults().fired().forEach((k, v) -> fired.merge(k, (long) v, Long::sum));
            result.faults().skipped().forEach((k, v) -> skipped.merge(k, (long) v, Long::sum));
            if (outcome.cluster() != null) {
                // Values go into the block's histograms one by one; a run's own would be larger.
                for (Map.Entry<String, LatencyRecorder> recorder
                        : outcome.cluster().sim().metrics().recorders().entrySet()) {
                    recorder.getValue().addTo(latencies.computeIfAbsent(recorder.getKey(),
                            name -> new Histogram(SIGNIFICANT_DIGITS)));
                }
            }
            if (result.violations().isEmpty()) {
                passed++;
                continue;
            }
            RunResult.Violation first = result.violations().get(0);
            violations.merge(first.invariant(), 1L, Long::sum);
            boolean keep = keptPerInvariant.merge(first.invariant(), 1, Integer::sum)
                    <= PropertySearch.SHRUNK_PER_INVARIANT;
            failures.add(new ScanFailure(seed, first.invariant(), first.message(),
                    result.traceHash(), result.events(), outcome.plan().size(),
                    keep ? outcome.plan().toJson() : null, spec.seed(), spec.ordering()));
            if (stopAtFirstFailure) {
                last = seed;
                break;
            }
        }
        return new ScanPartial(block.first(), last, passed, failures, violations, fired, skipped,
                latencies, reached, hits == null ? FeatureHits.NONE : hits.done());
    }
}
