package io.schedsim.prop.search;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a search runs: a scenario and variant, config overrides, a seed range (inclusive) and/or a
 * time budget, threads, whether to shrink, where replay files go, and how orderings are chosen
 * ({@code fifo} only, or a {@code mixed} draw of fifo / random / pct per seed), and whether to
 * stop once {@code stopAfterFailures} failing seeds were found (0: never).
 *
 * @param seconds wall-clock budget; 0 means only the seed range bounds the search
 */
public record SearchSettings(String scenario, String variant, Map<String, String> overrides,
        long firstSeed, long lastSeed, double seconds, int threads, boolean shrink, Path outDir,
        String orderings, int shrinkRunsMax, int stopAfterFailures) {

    public static SearchSettings of(String scenario, String variant) {
        return new SearchSettings(scenario, variant, Map.of(), 1, 1000, 0, 1, true,
                Path.of("target", "schedsim-failures"), "mixed", 400, 0);
    }

    public SearchSettings seeds(long first, long last) {
        return new SearchSettings(scenario, variant, overrides, first, last, seconds, threads,
                shrink, outDir, orderings, shrinkRunsMax, stopAfterFailures);
    }

    public SearchSettings seconds(double budget) {
        return new SearchSettings(scenario, variant, overrides, firstSeed, lastSeed, budget,
                threads, shrink, outDir, orderings, shrinkRunsMax, stopAfterFailures);
    }

    public SearchSettings threads(int count) {
        return new SearchSettings(scenario, variant, overrides, firstSeed, lastSeed, seconds,
                count, shrink, outDir, orderings, shrinkRunsMax, stopAfterFailures);
    }

    public SearchSettings shrink(boolean on) {
        return new SearchSettings(scenario, variant, overrides, firstSeed, lastSeed, seconds,
                threads, on, outDir, orderings, shrinkRunsMax, stopAfterFailures);
    }

    public SearchSettings outDir(Path dir) {
        return new SearchSettings(scenario, variant, overrides, firstSeed, lastSeed, seconds,
                threads, shrink, dir, orderings, shrinkRunsMax, stopAfterFailures);
    }

    public SearchSettings overrides(Map<String, String> sets) {
        return new SearchSettings(scenario, variant, sets, firstSeed, lastSeed, seconds, threads,
                shrink, outDir, orderings, shrinkRunsMax, stopAfterFailures);
    }

    public SearchSettings orderings(String mode) {
        return new SearchSettings(scenario, variant, overrides, firstSeed, lastSeed, seconds,
                threads, shrink, outDir, mode, shrinkRunsMax, stopAfterFailures);
    }

    public SearchSettings stopAfterFailures(int failures) {
        return new SearchSettings(scenario, variant, overrides, firstSeed, lastSeed, seconds,
                threads, shrink, outDir, orderings, shrinkRunsMax, failures);
    }
}
