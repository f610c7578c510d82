package io.schedsim.prop.search;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Random against guided search on the zoo: for each variant, the runs each needs to the first
 * failure from {@code starts} disjoint run ranges ({@value #STRIDE} apart), one thread each, no
 * shrinking; a range with no failure within {@code runsMax} counts as more than that. Both
 * searches are deterministic, so the table depends on its arguments alone; trials run on
 * {@code threads} threads at once.
 */
public final class SearchComparison {
    /** Distance between the trials' first runs: ranges never overlap. */
    public static final long STRIDE = 1_000_000_000L;
    /** A trial that found nothing within its budget. */
    public static final long NOT_FOUND = Long.MAX_VALUE;

    private SearchComparison() {}

    /**
     * One variant's trials: runs to the first failure per start (NOT_FOUND if none), random and
     * guided, and the invariant each first failure had.
     */
    public record Row(String variant, String scenario, String guard, long[] random,
            long[] guided, String[] randomInvariants, String[] guidedInvariants) {
        public long randomMedian() {
            return median(random);
        }

        public long guidedMedian() {
            return median(guided);
        }

        /** Trials whose first failure was not the variant's guard (another bug met first). */
        public int offGuard() {
            int off = 0;
            for (String[] invariants : List.of(randomInvariants, guidedInvariants)) {
                for (String invariant : invariants) {
                    if (invariant != null && !invariant.equals(guard)) {
                        off++;
                    }
                }
            }
            return off;
        }
    }

    /** The median of {@code runs} (the upper one of an even count); NOT_FOUND sorts last. */
    public static long median(long[] runs) {
        long[] sorted = runs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Compares the two searches on {@code variants}; rows in the variants' order. */
    public static List<Row> compare(Registry registry, List<Variant> variants, int starts,
            long runsMax, String orderings, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Trial>> trials = new ArrayList<>();
            for (Variant variant : variants) {
                RunSpec spec = RunSpec.of(registry.scenario(variant.scenario()))
                        .withVariant(variant);
                for (String mode : List.of(SearchSettings.RANDOM, SearchSettings.GUIDED)) {
                    for (int k = 0; k < starts; k++) {
                        long first = 1 + k * STRIDE;
                        SearchSettings settings = SearchSettings.of(spec)
                                .seeds(first, first + runsMax - 1).threads(1).shrink(false)
                                .maxFailures(1).orderings(orderings).search(mode);
                        trials.add(pool.submit(() -> trial(settings, registry)));
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            int next = 0;
            for (Variant variant : variants) {
                long[][] runs = new long[2][starts];
                String[][] invariants = new String[2][starts];
                for (int mode = 0; mode < 2; mode++) {
                    for (int k = 0; k < starts; k++) {
                        Trial trial = trials.get(next++).get();
                        runs[mode][k] = trial.runs();
                        invariants[mode][k] = trial.invariant();
                    }
                }
                rows.add(new Row(variant.name(), variant.scenario(), variant.guard(), runs[0],
                        runs[1], invariants[0], invariants[1]));
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("comparison interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The hardest third of {@code rows} by random's median (at least one row). */
    public static List<Row> hardestThird(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::randomMedian).reversed()
                .thenComparing(Row::variant));
        return sorted.subList(0, Math.max(1, (rows.size() + 2) / 3));
    }

    private record Trial(long runs, String invariant) {}

    private static Trial trial(SearchSettings settings, Registry registry) throws IOException {
        Path out = Files.createTempDirectory("schedsim-compare");
        try {
            SearchReport report = new PropertySearch(settings.outDir(out), registry).run(null);
            if (report.failures().isEmpty()) {
                return new Trial(NOT_FOUND, null);
            }
            Failure first = report.failures().get(0);
            return new Trial(first.seed() - settings.firstSeed() + 1, first.invariant());
        } finally {
            delete(out);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
