package io.schedsim.prop.search;

import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.scenario.ScenarioDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The race-finding search: hands seeds out in small blocks to worker threads (one
 * single-threaded simulation each), until the seed range or the time budget is spent or
 * {@link #stop()} is called; merges their partials; deduplicates failures by signature. Only the
 * first few failures of each invariant are shrunk: later ones are counted against them, so a
 * variant that fails every seed does not spend the budget shrinking the same bug again.
 */
public final class PropertySearch {
    private static final int BLOCK = 8;
    private static final int SHRUNK_PER_INVARIANT = 2;

    private final SearchSettings settings;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Map<String, AtomicLong> shrunkByInvariant = new ConcurrentHashMap<>();

    private final PropertyOracle oracle;

    public PropertySearch(SearchSettings settings) {
        this(settings, null);
    }

    /** A search that also applies {@code oracle} (null: the model's invariants only). */
    public PropertySearch(SearchSettings settings, PropertyOracle oracle) {
        this.settings = settings;
        this.oracle = oracle;
    }

    /** Progress as the search goes: seeds run, failures, elapsed milliseconds. */
    public record Progress(long seedsRun, long failures, long elapsedMillis, long seedsTotal) {}

    public void stop() {
        stopped.set(true);
    }

    public SearchReport run(Consumer<Progress> progress) {
        ScenarioDefinition scenario = ScenarioCatalog.find(settings.scenario());
        Map<String, Object> config = scenario.configWith(settings.overrides());
        long start = System.nanoTime();
        long deadline = settings.seconds() > 0
                ? start + (long) (settings.seconds() * 1e9) : Long.MAX_VALUE;
        SeedRangeWork work = new SeedRangeWork(settings.scenario(), settings.variant(), config,
                settings.shrink(), settings.outDir().toString(), settings.orderings(),
                settings.shrinkRunsMax(), this::claimShrink, oracle);
        AtomicLong nextSeed = new AtomicLong(settings.firstSeed());
        AtomicLong seedsRun = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        int threads = Math.max(1, settings.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SweepPartial>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                SweepTally mine = new SweepTally();
                while (!stopped.get() && System.nanoTime() < deadline && !enoughFailures(failures)) {
                    long first = nextSeed.getAndAdd(BLOCK);
                    if (first > settings.lastSeed()) {
                        break;
                    }
                    long last = Math.min(settings.lastSeed(), first + BLOCK - 1);
                    SweepPartial block = work.apply(first, last, start);
                    mine.add(block);
                    seedsRun.addAndGet(block.seedsRun());
                    failures.addAndGet(block.failures().size());
                    if (progress != null) {
                        progress.accept(new Progress(seedsRun.get(), failures.get(),
                                (System.nanoTime() - start) / 1_000_000L,
                                settings.lastSeed() - settings.firstSeed() + 1));
                    }
                }
                return mine.handOver();
            }));
        }
        SweepPartial total = SweepPartial.empty();
        try {
            for (Future<SweepPartial> future : futures) {
                total = total.merge(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("search worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000L;
        return report(total, wallMillis);
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
