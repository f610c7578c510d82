package io.schedsim.prop.search;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayWrite;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.search.engine.ThreadsSweepEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The race-finding search, one pipeline on every engine, so that its report depends on the seeds
 * alone (never on threads, machines or timing):
 * <ol>
 *   <li>scan: blocks of {@value #BLOCK} seeds run on the engine ({@link ScanWork}), nothing
 *       shrunk; guided search scans in rounds ({@link GuidedScan}), each drawing its runs from
 *       the corpus the rounds before it left;
 *   <li>select, here: the contiguous blocks from the first seed, failing seeds in seed order, the
 *       first {@value #SHRUNK_PER_INVARIANT} of each invariant chosen ({@link ScanPrefix});
 *   <li>shrink: each chosen seed in a block of its own on the engine ({@link ShrinkWork});
 *   <li>file, here: one replay file per distinct failure, written atomically; every other
 *       failing seed is counted against one ({@link Filing}).
 * </ol>
 * A stop ({@link #stop()}, Ctrl-C) or an engine that gives up skips shrinking; everything found
 * so far, blocks beyond a gap included, is filed unshrunk and the report says it was interrupted.
 */
public final class PropertySearch {
    static final int BLOCK = 8;
    static final int SHRUNK_PER_INVARIANT = 2;

    private final SearchSettings settings;
    private final Registry registry;
    private final SweepEngine engine;
    private final EngineOptions options;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile int parallelism;

    /** A search on {@link SearchSettings#threads()} threads, resolving names in the default
     * registry ({@link Registry#load()}). */
    public PropertySearch(SearchSettings settings) {
        this(settings, Registry.load());
    }

    public PropertySearch(SearchSettings settings, Registry registry) {
        this(settings, registry, new ThreadsSweepEngine(),
                EngineOptions.threads(settings.threads()));
    }

    /** A search whose blocks run on {@code engine}; {@code registry} names providers in files. */
    public PropertySearch(SearchSettings settings, Registry registry, SweepEngine engine,
            EngineOptions options) {
        this.settings = settings;
        this.registry = registry;
        this.engine = engine;
        this.options = options;
    }

    /** Progress as the scan goes: seeds run, failing seeds, elapsed milliseconds, seeds given. */
    public record Progress(long seedsRun, long failures, long elapsedMillis, long seedsTotal) {}

    /** Asks the search to stop; safe from any thread (a signal handler's). */
    public void stop() {
        stopped.set(true);
    }

    /** Simulations that ran at once in the last {@link #run} (0 before): threads or cores. */
    public int parallelism() {
        return parallelism;
    }

    public SearchReport run(Consumer<Progress> progress) {
        if (!engine.name().equals(ThreadsSweepEngine.NAME)) {
            Portability.require(settings.template(), registry, engine.name());
        }
        SpecTemplate template = new SpecTemplate(settings.template(), registry);
        removeStaleTemps();
        long start = System.nanoTime();
        long deadline = settings.seconds() > 0
                ? start + (long) (settings.seconds() * 1e9) : Long.MAX_VALUE;
        ScanPrefix scan = new ScanPrefix(settings, stopped, start, deadline, progress);
        Map<Long, ShrunkFailure> shrunk = new TreeMap<>();
        GuidedScan guided = settings.guided() ? new GuidedScan(settings, scan) : null;
        SweepEngine.Session opened;
        try {
            opened = engine.open(options);
        } catch (RuntimeException e) {
            if (stopped.get()) {
                // Stopped while a cluster engine was starting (which a JVM shutdown can break).
                return report(template, scan, shrunk, start, guided);
            }
            throw e;
        }
        try (SweepEngine.Session session = opened) {
            scanAndShrink(session, template, scan, guided, shrunk);
        } catch (IllegalStateException e) {
            InputException input = InputException.in(e);
            throw input != null ? input : e;
        }
        if (Thread.currentThread().isInterrupted()) {
            stopped.set(true);
        }
        if (stopped.get()) {
            scan.takeBeyondGaps();
        }
        return report(template, scan, shrunk, start, guided);
    }

    /** Stages one and three on the open engine: scan (random or guided), then shrink. */
    private void scanAndShrink(SweepEngine.Session session, SpecTemplate template,
            ScanPrefix scan, GuidedScan guided, Map<Long, ShrunkFailure> shrunk) {
        parallelism = session.parallelism();
        boolean scanned = guided != null ? guided.run(session, template)
                : session.run(new ScanWork(template, new SeedRuns(settings.orderings()),
                        settings.maxFailures() > 0), SeedBlock.split(settings.firstSeed(),
                        settings.lastSeed(), BLOCK), scan);
        if (!scanned && !scan.stopRequested()) {
            stopped.set(true);
        }
        if (settings.shrink() && !stopped.get()) {
            shrink(session, template, runsOf(scan), scan.chosen(), shrunk);
        }
    }

    /** Where the chosen failures' specs come from: their seeds, or what guided search ran. */
    private RunSource runsOf(ScanPrefix scan) {
        return settings.guided() ? RecipeRuns.of(scan.chosen())
                : new SeedRuns(settings.orderings());
    }

    private void shrink(SweepEngine.Session session, SpecTemplate template, RunSource runs,
            List<ScanFailure> chosen, Map<Long, ShrunkFailure> shrunk) {
        if (chosen.isEmpty()) {
            return;
        }
        List<SeedBlock> seeds = new ArrayList<>();
        chosen.forEach(failure -> seeds.add(new SeedBlock(failure.seed(), failure.seed())));
        boolean done = session.run(new ShrinkWork(template, runs,
                settings.shrinkRunsMax()), seeds.iterator(), new BlockListener<ShrunkFailure>() {
                    @Override
                    public void blockDone(SeedBlock block, ShrunkFailure failure) {
                        shrunk.put(block.first(), failure);
                    }

                    @Override
                    public boolean stopRequested() {
                        return stopped.get();
                    }
                });
        if (!done) {
            stopped.set(true);
        }
    }

    private SearchReport report(SpecTemplate template, ScanPrefix scan,
            Map<Long, ShrunkFailure> shrunk, long startNanos, GuidedScan guided) {
        List<Failure> failures = new Filing(registry, template, settings.outDir(),
                runsOf(scan)).file(scan, shrunk);
        long shrinkRuns = shrunk.values().stream().mapToLong(ShrunkFailure::runs).sum();
        long firstFailure = scan.failures().isEmpty() ? -1
                : scan.failures().stream().mapToLong(f -> scan.foundAtMillis(f.seed())).min()
                        .getAsLong();
        long wallMillis = (System.nanoTime() - startNanos) / 1_000_000L;
        return new SearchReport(settings.template().scenario().name(),
                settings.template().variantName(), scan.seedsRun(), wallMillis, firstFailure,
                failures, new SearchReport.Statistics(scan.passed(),
                        scan.violationsByInvariant(), scan.faultsFired(), scan.faultsSkipped(),
                        shrinkRuns, stopped.get(), guided == null ? null : guided.statistics()));
    }

    private void removeStaleTemps() {
        try {
            ReplayWrite.removeStaleTemps(settings.outDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + settings.outDir(), e);
        }
    }
}
