package io.schedsim.prop.search;

import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.SeedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Stage one's listener and stage two (select): folds the scanned blocks in seed order, so that
 * what the search reports is the contiguous run of blocks from the first seed that came back,
 * whatever order they came back in and however many ran at once. A block that arrives ahead of
 * a gap waits for it. With a cut ({@code --max-failures N}, blocks ending at their first
 * failure) the block holding the N-th failing seed is the last one taken: the search stops and
 * every block beyond it is dropped. A deadline ends the prefix at the first block that did not
 * come back. A stop (Ctrl-C) or an engine that gives up keeps everything found so far: the
 * blocks that came back beyond a gap are taken too ({@link #takeBeyondGaps}), in seed order.
 */
final class ScanPrefix implements BlockListener<ScanPartial> {
    private final long firstSeed;
    private final long seedsTotal;
    private final int maxFailures;
    private final AtomicBoolean stopped;
    private final long startNanos;
    private final long deadlineNanos;
    private final Consumer<PropertySearch.Progress> progress;

    private long nextFirst;
    private final TreeMap<Long, Delivered> pending = new TreeMap<>();
    private long seedsRun;
    private long passed;
    private final List<ScanFailure> failures = new ArrayList<>();
    private final Map<Long, Long> foundAtMillis = new TreeMap<>();
    private final Map<String, Long> violationsByInvariant = new TreeMap<>();
    private final Map<String, Long> faultsFired = new TreeMap<>();
    private final Map<String, Long> faultsSkipped = new TreeMap<>();
    private final Map<String, Histogram> latencyMillis = new TreeMap<>();
    private volatile boolean cutReached;
    private long seedsDelivered;
    private long failuresDelivered;

    /** A block back from the engine, and when (for the report's {@code foundAtMillis}). */
    private record Delivered(SeedBlock block, ScanPartial partial, long atMillis) {}

    ScanPrefix(SearchSettings settings, AtomicBoolean stopped, long startNanos,
            long deadlineNanos, Consumer<PropertySearch.Progress> progress) {
        this.firstSeed = settings.firstSeed();
        this.seedsTotal = settings.lastSeed() - settings.firstSeed() + 1;
        this.maxFailures = settings.maxFailures();
        this.stopped = stopped;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.progress = progress;
        this.nextFirst = firstSeed;
    }

    @Override
    public void blockDone(SeedBlock block, ScanPartial partial) {
        long now = (System.nanoTime() - startNanos) / 1_000_000L;
        seedsDelivered += partial.seedsRun();
        failuresDelivered += partial.failures().size();
        if (progress != null) {
            progress.accept(new PropertySearch.Progress(seedsDelivered, failuresDelivered, now,
                    seedsTotal));
        }
        if (cutReached) {
            return;
        }
        pending.put(block.first(), new Delivered(block, partial, now));
        while (!cutReached && pending.containsKey(nextFirst)) {
            Delivered next = pending.remove(nextFirst);
            take(next);
            nextFirst = next.block().last() + 1;
            if (maxFailures > 0 && failures.size() >= maxFailures) {
                cutReached = true;
                pending.clear();
            }
        }
    }

    @Override
    public boolean stopRequested() {
        return cutReached || stopped.get() || System.nanoTime() >= deadlineNanos;
    }

    private void take(Delivered delivered) {
        ScanPartial partial = delivered.partial();
        seedsRun += partial.seedsRun();
        passed += partial.passed();
        for (ScanFailure failure : partial.failures()) {
            failures.add(failure);
            foundAtMillis.put(failure.seed(), delivered.atMillis());
        }
        partial.violationsByInvariant().forEach((k, v) -> violationsByInvariant.merge(k, v,
                Long::sum));
        partial.faultsFired().forEach((k, v) -> faultsFired.merge(k, v, Long::sum));
        partial.faultsSkipped().forEach((k, v) -> faultsSkipped.merge(k, v, Long::sum));
        partial.latencyMillis().forEach((name, histogram) -> {
            Histogram mine = latencyMillis.get(name);
            if (mine == null) {
                latencyMillis.put(name, histogram);
            } else {
                mine.add(histogram);
            }
        });
    }

    /**
     * After a stop: takes the blocks that came back beyond the first gap, so that no failure the
     * progress line counted is lost (a stopped sweep's seeds need not be contiguous). Not after
     * a cut, whose later blocks were dropped on purpose.
     */
    void takeBeyondGaps() {
        if (cutReached) {
            return;
        }
        for (Delivered delivered : pending.values()) {
            take(delivered);
        }
        pending.clear();
    }

    /** Seeds covered by the taken blocks. */
    long seedsRun() {
        return seedsRun;
    }

    long passed() {
        return passed;
    }

    /** Failing seeds of the taken blocks, in seed order. */
    List<ScanFailure> failures() {
        return failures;
    }

    /** Elapsed milliseconds when the block holding {@code seed} came back. */
    long foundAtMillis(long seed) {
        return foundAtMillis.get(seed);
    }

    Map<String, Long> violationsByInvariant() {
        return violationsByInvariant;
    }

    Map<String, Long> faultsFired() {
        return faultsFired;
    }

    Map<String, Long> faultsSkipped() {
        return faultsSkipped;
    }

    /** Latency histograms merged over the taken blocks, by name. */
    Map<String, Histogram> latencyMillis() {
        return latencyMillis;
    }

    /** The failures the search shrinks and files: the first few of each invariant, by seed. */
    List<ScanFailure> chosen() {
        Map<String, Integer> perInvariant = new TreeMap<>();
        List<ScanFailure> chosen = new ArrayList<>();
        for (ScanFailure failure : failures) {
            if (perInvariant.merge(failure.invariant(), 1, Integer::sum)
                    <= PropertySearch.SHRUNK_PER_INVARIANT) {
                chosen.add(failure);
            }
        }
        return chosen;
    }
}
