package io.schedsim.prop.search;

import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The search on an engine that runs blocks in other JVMs, where no worker can ask a shared
 * counter whether to shrink. Two stages, so that the result depends on the seeds alone:
 * <ol>
 *   <li>a scan runs every seed without shrinking ({@link PortableSeedWork});
 *   <li>this JVM chooses, by seed order, the failures to shrink: the first
 *       {@link PropertySearch#SHRUNK_PER_INVARIANT} of each invariant; a second run shrinks each
 *       in a block of its own;
 * </ol>
 * then writes their replay files into the output directory from the text the blocks carried back.
 * The threads engine on one thread shrinks the same failures (the first ones it meets), so both
 * report the same failures. A stop request skips shrinking: what was found is filed unshrunk.
 * So does an engine that stops on its own (a JVM shutting down on Ctrl-C stops Spark with it),
 * which also marks the search stopped.
 */
final class StagedSearch {
    private final SearchSettings settings;
    private final Map<String, Object> config;
    private final PropertyOracle oracle;
    private final AtomicBoolean stopped;
    private final long startNanos;
    private final long deadlineNanos;
    private final Consumer<PropertySearch.Progress> progress;

    StagedSearch(SearchSettings settings, Map<String, Object> config, PropertyOracle oracle,
            AtomicBoolean stopped, long startNanos, long deadlineNanos,
            Consumer<PropertySearch.Progress> progress) {
        this.settings = settings;
        this.config = config;
        this.oracle = oracle;
        this.stopped = stopped;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.progress = progress;
    }

    SweepPartial run(SweepEngine.Session session) {
        Scan scan = new Scan();
        boolean scanned = session.run(work(false), SeedBlock.split(settings.firstSeed(),
                settings.lastSeed(), PropertySearch.BLOCK), scan);
        if (!scanned && !scan.stopRequested()) {
            stopped.set(true);
        }
        scan.failures.sort(Comparator.comparingLong(FoundFailure::seed));
        Map<Long, FoundFailure> chosen = choose(scan.failures);
        Shrink shrink = new Shrink();
        if (settings.shrink() && !chosen.isEmpty() && !stopped.get()) {
            List<SeedBlock> seeds = new ArrayList<>();
            chosen.keySet().forEach(seed -> seeds.add(new SeedBlock(seed, seed)));
            if (!session.run(work(true), seeds.iterator(), shrink)) {
                stopped.set(true);
            }
            chosen.putAll(shrink.shrunk);
        }
        SweepTally total = new SweepTally();
        total.add(scan.totals.handOver());
        total.add(new SweepPartial(0, 0, file(scan, chosen), Map.of(), Map.of(), Map.of(),
                Map.of(), shrink.runs));
        return total.handOver();
    }

    private PortableSeedWork work(boolean shrink) {
        return new PortableSeedWork(settings.scenario(), settings.variant(), config, shrink,
                settings.orderings(), settings.shrinkRunsMax(), oracle);
    }

    /** The first failures of each invariant, by seed. */
    private static Map<Long, FoundFailure> choose(List<FoundFailure> failures) {
        Map<String, Integer> perInvariant = new TreeMap<>();
        Map<Long, FoundFailure> chosen = new TreeMap<>();
        for (FoundFailure failure : failures) {
            if (perInvariant.merge(failure.invariant(), 1, Integer::sum)
                    <= PropertySearch.SHRUNK_PER_INVARIANT) {
                chosen.put(failure.seed(), failure);
            }
        }
        return chosen;
    }

    /** Writes the chosen failures' replay files; the others are counted against them. */
    private List<Failure> file(Scan scan, Map<Long, FoundFailure> chosen) {
        String outDir = settings.outDir().toString();
        List<Failure> failures = new ArrayList<>();
        for (FoundFailure found : scan.failures) {
            long foundAt = scan.foundAtMillis.get(found.seed());
            FoundFailure filed = chosen.get(found.seed());
            if (filed == null) {
                failures.add(found.counted(foundAt));
                continue;
            }
            if (filed.replayJson() == null) {
                throw new IllegalStateException("seed " + found.seed()
                        + ": its block sent no replay text");
            }
            Failure failure = filed.filed(outDir, foundAt);
            write(filed.replayJson(), Path.of(failure.replayFile()));
            failures.add(failure);
        }
        return failures;
    }

    /** Atomically, as {@link io.schedsim.prop.replay.ReplayFiles#write} does. */
    private static void write(String text, Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".replay-", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replay file " + target, e);
        }
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** Stage one's listener: totals, failures (sorted by seed once done), when found, progress. */
    private final class Scan implements BlockListener<BlockFindings> {
        final SweepTally totals = new SweepTally();
        final List<FoundFailure> failures = new ArrayList<>();
        final Map<Long, Long> foundAtMillis = new TreeMap<>();
        private volatile long seedsRun;
        private volatile long failingSeeds;

        @Override
        public void blockDone(SeedBlock block, BlockFindings findings) {
            long now = elapsedMillis();
            totals.add(findings.totals());
            for (FoundFailure failure : findings.failures()) {
                failures.add(failure);
                foundAtMillis.put(failure.seed(), now);
            }
            seedsRun += findings.totals().seedsRun();
            failingSeeds += findings.failures().size();
            if (progress != null) {
                progress.accept(new PropertySearch.Progress(seedsRun, failingSeeds, now,
                        settings.lastSeed() - settings.firstSeed() + 1));
            }
        }

        @Override
        public boolean stopRequested() {
            return stopped.get() || System.nanoTime() >= deadlineNanos
                    || settings.stopAfterFailures() > 0
                    && failingSeeds >= settings.stopAfterFailures();
        }
    }

    /** Stage two's listener: the shrunk failures and what shrinking cost. */
    private final class Shrink implements BlockListener<BlockFindings> {
        final Map<Long, FoundFailure> shrunk = new TreeMap<>();
        long runs;

        @Override
        public void blockDone(SeedBlock block, BlockFindings findings) {
            findings.failures().forEach(failure -> shrunk.put(failure.seed(), failure));
            runs += findings.totals().shrinkRuns();
        }

        @Override
        public boolean stopRequested() {
            return stopped.get();
        }
    }
}
