package io.schedsim.prop.search;

import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.search.engine.ThreadsSweepEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The race-finding search: hands seeds out in small blocks to a {@link SweepEngine} (worker
 * threads by default; one single-threaded simulation each), until the seed range or the time
 * budget is spent or {@link #stop()} is called; merges their partials; deduplicates failures by
 * signature. Only the first few failures of each invariant are shrunk: later ones are counted
 * against them, so a variant that fails every seed does not spend the budget shrinking the same
 * bug again.
 */
public final class PropertySearch {
    static final int BLOCK = 8;
    static final int SHRUNK_PER_INVARIANT = 2;

    private final SearchSettings settings;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Map<String, AtomicLong> shrunkByInvariant = new ConcurrentHashMap<>();

    private final PropertyOracle oracle;
    private final SweepEngine engine;
    private final EngineOptions options;
    private volatile int parallelism;

    public PropertySearch(SearchSettings settings) {
        this(settings, null);
    }

    /** A search that also applies {@code oracle} (null: the model's invariants only). */
    public PropertySearch(SearchSettings settings, PropertyOracle oracle) {
        this(settings, oracle, new ThreadsSweepEngine(), EngineOptions.threads(settings.threads()));
    }

    /**
     * A search whose blocks run on {@code engine}. The threads engine shrinks failures as it
     * finds them; any other runs the {@link StagedSearch} (scan, then shrink the failures chosen
     * by seed order), whose result does not depend on timing.
     */
    public PropertySearch(SearchSettings settings, PropertyOracle oracle, SweepEngine engine,
            EngineOptions options) {
        this.settings = settings;
        this.oracle = oracle;
        this.engine = engine;
        this.options = options;
    }

    /** Progress as the search goes: seeds run, failures, elapsed milliseconds. */
    public record Progress(long seedsRun, long failures, long elapsedMillis, long seedsTotal) {}

    public void stop() {
        stopped.set(true);
    }

    public SearchReport run(Consumer<Progress> progress) {
        ScenarioDefinition scenario = ScenarioCatalog.find(settings.scenario());
        Map<String, Object> config = scenario.configWith(settings.overrides());
        SweepEngine.Session opened;
        try {
            opened = engine.open(options);
        } catch (RuntimeException e) {
            if (stopped.get()) {
                // Stopped while a cluster engine was starting (which a JVM shutdown can break).
                return report(SweepPartial.empty(), 0);
            }
            throw e;
        }
        try (SweepEngine.Session session = opened) {
            parallelism = session.parallelism();
            long start = System.nanoTime();
            long deadline = settings.seconds() > 0
                    ? start + (long) (settings.seconds() * 1e9) : Long.MAX_VALUE;
            SweepPartial total = engine.name().equals(ThreadsSweepEngine.NAME)
                    ? runInline(session, config, start, deadline, progress)
                    : new StagedSearch(settings, config, oracle, stopped, start, deadline,
                            progress).run(session);
            if (Thread.currentThread().isInterrupted()) {
                stopped.set(true);
            }
            return report(total, (System.nanoTime() - start) / 1_000_000L);
        }
    }

    /** Simulations that ran at once in the last {@link #run} (0 before): threads or cores. */
    public int parallelism() {
        return parallelism;
    }

    /** In this JVM: blocks shrink their failures as they find them, if {@link #claimShrink}. */
    private SweepPartial runInline(SweepEngine.Session session, Map<String, Object> config,
            long start, long deadline, Consumer<Progress> progress) {
        SeedRangeWork work = new SeedRangeWork(settings.scenario(), settings.variant(), config,
                settings.shrink(), settings.outDir().toString(), settings.orderings(),
                settings.shrinkRunsMax(), this::claimShrink, oracle);
        SweepTally total = new SweepTally();
        AtomicLong seedsRun = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        session.run(new InlineWork(work, start),
                SeedBlock.split(settings.firstSeed(), settings.lastSeed(), BLOCK),
                new BlockListener<SweepPartial>() {
                    @Override
                    public void blockDone(SeedBlock block, SweepPartial partial) {
                        total.add(partial);
                        seedsRun.addAndGet(partial.seedsRun());
                        failures.addAndGet(partial.failures().size());
                        if (progress != null) {
                            progress.accept(new Progress(seedsRun.get(), failures.get(),
                                    (System.nanoTime() - start) / 1_000_000L,
                                    settings.lastSeed() - settings.firstSeed() + 1));
                        }
                    }

                    @Override
                    public boolean stopRequested() {
                        return stopped.get() || System.nanoTime() >= deadline
                                || enoughFailures(failures);
                    }
                });
        return total.handOver();
    }

    /** A {@link SeedRangeWork} as block work; it keeps its shrink predicate, so in-process only. */
    private static final class InlineWork implements BlockWork<SweepPartial> {
        private static final long serialVersionUID = 1L;
        private final SeedRangeWork work;
        private final long startNanos;

        InlineWork(SeedRangeWork work, long startNanos) {
            this.work = work;
            this.startNanos = startNanos;
        }

        @Override
        public SweepPartial apply(SeedBlock block) {
            return work.apply(block.first(), block.last(), startNanos);
        }
    }

    private boolean enoughFailures(AtomicLong failures) {
        return settings.stopAfterFailures() > 0 && failures.get() >= settings.stopAfterFailures();
    }

    private boolean claimShrink(String invariant) {
        return shrunkByInvariant.computeIfAbsent(invariant, k -> new AtomicLong())
                .incrementAndGet() <= SHRUNK_PER_INVARIANT;
    }

    private SearchReport report(SweepPartial total, long wallMillis) {
        List<Failure> sorted = new ArrayList<>(total.failures());
        sorted.sort((a, b) -> Long.compare(a.seed(), b.seed()));
        Map<String, Failure> bySignature = new LinkedHashMap<>();
        Map<String, String> signatureOfInvariant = new LinkedHashMap<>();
        List<Failure> unfiled = new ArrayList<>();
        for (Failure failure : sorted) {
            if (failure.signature() == null) {
                unfiled.add(failure);
                continue;
            }
            bySignature.merge(failure.signature(), failure, (a, b) -> a.counted(1));
            signatureOfInvariant.putIfAbsent(failure.invariant(), failure.signature());
        }
        for (Failure failure : unfiled) {
            String key = signatureOfInvariant.get(failure.invariant());
            if (key != null) {
                bySignature.put(key, bySignature.get(key).counted(1));
            }
        }
        long firstFailure = sorted.stream().mapToLong(Failure::foundAtMillis).min().orElse(-1);
        return new SearchReport(settings.scenario(), settings.variant(), total.seedsRun(),
                wallMillis, firstFailure, new ArrayList<>(bySignature.values()),
                new SearchReport.Statistics(total.passed(), total.violationsByInvariant(),
                        total.faultsFired(), total.faultsSkipped(), total.shrinkRuns(),
                        stopped.get()));
    }
}
