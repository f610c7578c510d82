package io.schedsim.prop.search;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.spec.RunSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a search runs: the spec every seed starts from (scenario, config, variant, user checks;
 * its seed and ordering are the search's), a seed range (inclusive) and/or a wall-clock budget,
 * threads, whether to shrink and how many runs a shrink may take, where replay files go, how
 * orderings are chosen ({@code fifo}, or {@code mixed}: fifo, random or PCT drawn per seed), and
 * where to cut the report, and how runs are chosen ({@code random}: run n is seed n; {@code
 * guided}: rounds that learn from what runs reached).
 *
 * @param seconds wall-clock budget of the scan; 0: only the seed range bounds it
 * @param maxFailures the report covers the seeds up to the N-th failing one, in seed order;
 *     0: no cut
 */
public record SearchSettings(RunSpec template, long firstSeed, long lastSeed, double seconds,
        int threads, boolean shrink, Path outDir, String orderings, int shrinkRunsMax,
        int maxFailures, String search) {
    /** Random search: run n is seed n. */
    public static final String RANDOM = "random";
    /** Guided search: rounds of fresh seeds and edited corpus plans ({@link GuidedRound}). */
    public static final String GUIDED = "guided";

    public SearchSettings {
        if (firstSeed > lastSeed) {
            throw new IllegalArgumentException("empty seed range " + firstSeed + ".." + lastSeed);
        }
        if (!orderings.equals(SeedOrderings.MIXED) && !orderings.equals(SeedOrderings.FIFO)) {
            throw new IllegalArgumentException("orderings: mixed or fifo, got " + orderings);
        }
        if (!search.equals(RANDOM) && !search.equals(GUIDED)) {
            throw new IllegalArgumentException("search: random or guided, got " + search);
        }
    }

    /** Seeds 1..1000 of {@code template}, one thread, shrinking, mixed orderings, no cut. */
    public static SearchSettings of(RunSpec template) {
        return new SearchSettings(template, 1, 1000, 0, 1, true,
                Path.of("target", "schedsim-failures"), SeedOrderings.MIXED, 400, 0, RANDOM);
    }

    /** A search of the scenario and variant so named ({@link Registry#load()}; null: correct). */
    public static SearchSettings of(String scenario, String variant) {
        Registry registry = Registry.load();
        return of(RunSpec.of(registry.scenario(scenario)).withVariant(registry.variant(variant)));
    }

    public SearchSettings template(RunSpec next) {
        return new SearchSettings(next, firstSeed, lastSeed, seconds, threads, shrink, outDir,
                orderings, shrinkRunsMax, maxFailures, search);
    }

    /** The template with {@code --set} texts applied. */
    public SearchSettings overrides(Map<String, String> sets) {
        return template(template.withSettings(sets));
    }

    public SearchSettings seeds(long first, long last) {
        return new SearchSettings(template, first, last, seconds, threads, shrink, outDir,
                orderings, shrinkRunsMax, maxFailures, search);
    }

    public SearchSettings seconds(double budget) {
        return new SearchSettings(template, firstSeed, lastSeed, budget, threads, shrink, outDir,
                orderings, shrinkRunsMax, maxFailures, search);
    }

    public SearchSettings threads(int count) {
        return new SearchSettings(template, firstSeed, lastSeed, seconds, count, shrink, outDir,
                orderings, shrinkRunsMax, maxFailures, search);
    }

    public SearchSettings shrink(boolean on) {
        return new SearchSettings(template, firstSeed, lastSeed, seconds, threads, on, outDir,
                orderings, shrinkRunsMax, maxFailures, search);
    }

    public SearchSettings outDir(Path dir) {
        return new SearchSettings(template, firstSeed, lastSeed, seconds, threads, shrink, dir,
                orderings, shrinkRunsMax, maxFailures, search);
    }

    public SearchSettings orderings(String mode) {
        return new SearchSettings(template, firstSeed, lastSeed, seconds, threads, shrink, outDir,
                mode, shrinkRunsMax, maxFailures, search);
    }

    public SearchSettings shrinkRunsMax(int runs) {
        return new SearchSettings(template, firstSeed, lastSeed, seconds, threads, shrink, outDir,
                orderings, runs, maxFailures, search);
    }

    /** {@link #RANDOM} or {@link #GUIDED}. */
    public SearchSettings search(String mode) {
        return new SearchSettings(template, firstSeed, lastSeed, seconds, threads, shrink, outDir,
                orderings, shrinkRunsMax, maxFailures, mode);
    }

    public boolean guided() {
        return search.equals(GUIDED);
    }

    public SearchSettings maxFailures(int failures) {
        return new SearchSettings(template, firstSeed, lastSeed, seconds, threads, shrink, outDir,
                orderings, shrinkRunsMax, failures, search);
    }
}
