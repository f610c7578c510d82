package io.schedsim.prop.search;

import io.schedsim.core.random.SimRandom;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.shrink.Candidate;
import io.schedsim.prop.shrink.ShrinkResult;
import io.schedsim.prop.shrink.Shrinker;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * The unit of sweep work: a plain, serialisable function from a seed range to a
 * {@link SweepPartial}. Each seed is one single-threaded simulation; a failure is shrunk (unless
 * switched off) and written as a replay file. Seeds choose their ordering from the {@code search}
 * stream, so a seed always means the same run whichever worker takes it.
 */
public final class SeedRangeWork implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String scenario;
    private final String variant;
    private final Map<String, Object> config;
    private final boolean shrink;
    private final String outDir;
    private final String orderings;
    private final int shrinkRunsMax;
    private final transient Predicate<String> shrinkInvariant;
    private final PropertyOracle oracle;

    public SeedRangeWork(String scenario, String variant, Map<String, Object> config,
            boolean shrink, String outDir, String orderings, int shrinkRunsMax,
            Predicate<String> shrinkInvariant, PropertyOracle oracle) {
        this.scenario = scenario;
        this.variant = variant;
        this.config = config;
        this.shrink = shrink;
        this.outDir = outDir;
        this.orderings = orderings;
        this.shrinkRunsMax = shrinkRunsMax;
        this.shrinkInvariant = shrinkInvariant;
        this.oracle = oracle;
    }

    /** The ordering a seed runs with: fifo, or a mixed draw from the seed's search stream. */
    public static OrderingSpec orderingFor(long seed, String mode) {
        if (!mode.equals("mixed")) {
            return OrderingSpec.FIFO;
        }
        SimRandom search = SimRandom.stream(seed, "search");
        switch (search.nextInt(3)) {
            case 0:
                return OrderingSpec.FIFO;
            case 1:
                return OrderingSpec.random();
            default:
                return OrderingSpec.pct(1 + search.nextInt(3), 4_000);
        }
    }

    public SweepPartial apply(long firstSeed, long lastSeed, long startNanos) {
        ScenarioDefinition definition = ScenarioCatalog.find(scenario);
        SweepTally tally = new SweepTally();
        for (long seed = firstSeed; seed <= lastSeed; seed++) {
            tally.add(runSeed(definition, seed, startNanos, tally));
        }
        return tally.handOver();
    }

    private SweepPartial runSeed(ScenarioDefinition definition, long seed, long startNanos,
            SweepTally tally) {
        OrderingSpec ordering = orderingFor(seed, orderings);
        RunRequest request = new RunRequest(scenario, seed, config, variant);
        RunOutcome outcome = PropertyOracle.apply(oracle,
                definition.execute(request, null, ordering, null));
        RunResult result = outcome.result();
        Map<String, Long> fired = new TreeMap<>();
        result.faults().fired().forEach((k, v) -> fired.put(k, (long) v));
        Map<String, Long> skipped = new TreeMap<>();
        result.faults().skipped().forEach((k, v) -> skipped.put(k, (long) v));
        // Values go into the tally's histograms one by one; a run's own histogram would be larger.
        Map<String, Histogram> histograms = Map.of();
        tally.addLatencies(outcome.cluster().sim().metrics().recorders());
        if (result.violations().isEmpty()) {
            return new SweepPartial(1, 1, List.of(), Map.of(), fired, skipped, histograms, 0);
        }
        RunResult.Violation first = result.violations().get(0);
        long foundAt = (System.nanoTime() - startNanos) / 1_000_000L;
        Candidate candidate = new Candidate(config, outcome.plan(), ordering);
        if (shrinkInvariant != null && !shrinkInvariant.test(first.invariant())) {
            // Counted against an earlier failure of the same invariant; no file of its own.
            Failure counted = new Failure(seed, first.invariant(), null, candidate.plan().size(),
                    candidate.plan().size(), null, 1, first.message(), result.traceHash(),
                    foundAt);
            return new SweepPartial(1, 0, List.of(counted), Map.of(first.invariant(), 1L), fired,
                    skipped, histograms, 0);
        }
        ShrinkResult shrunk = null;
        if (shrink) {
            shrunk = new Shrinker(definition, seed, variant, first.invariant(), shrinkRunsMax,
                    oracle).shrink(candidate, outcome);
        }
        Candidate smallest = shrunk == null ? candidate : shrunk.smallest();
        RunOutcome smallestOutcome = shrunk == null ? outcome : shrunk.outcome();
        RunResult.Violation shown = violationOf(smallestOutcome.result(), first.invariant());
        ReplayFile file = new ReplayFile(ReplayFile.FORMAT, scenario, variant, seed,
                smallest.config(), smallest.ordering(), smallest.plan(),
                new ReplayFile.Expected(smallestOutcome.result().traceHash(),
                        smallestOutcome.result().violations().get(0).invariant(),
                        shown.message()),
                new ReplayFile.ShrinkStats(candidate.plan().size(), smallest.plan().size(),
                        shrunk == null ? 0 : shrunk.runs()));
        Path path = Path.of(outDir, scenario + "-" + (variant == null ? "correct" : variant)
                + "-seed" + seed + "-" + first.invariant() + ".json");
        try {
            ReplayFiles.write(file, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replay file " + path, e);
        }
        String signature = first.invariant() + "|" + String.join(",",
                smallest.plan().countByKind().keySet());
        Failure failure = new Failure(seed, first.invariant(), path.toString(),
                candidate.plan().size(), smallest.plan().size(), signature, 1, shown.message(),
                smallestOutcome.result().traceHash(), foundAt);
        return new SweepPartial(1, 0, List.of(failure), Map.of(first.invariant(), 1L), fired,
                skipped, histograms, shrunk == null ? 0 : shrunk.runs());
    }

    private static RunResult.Violation violationOf(RunResult result, String invariant) {
        List<RunResult.Violation> all = new ArrayList<>(result.violations());
        for (RunResult.Violation v : all) {
            if (v.invariant().equals(invariant)) {
                return v;
            }
        }
        return all.get(0);
    }
}
