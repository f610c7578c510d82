package io.schedsim.prop.search;

import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.SeedBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@link SeedRangeWork} made fit to run in another JVM: it decides nothing from shared state (the
 * shrink predicate is not passed, so every failing seed is shrunk when {@code shrink} is on, and
 * written either way), writes its replay files into a temporary directory of its own, and carries
 * their text back in a {@link BlockFindings}. A scan block (shrink off) keeps the text of the first
 * {@link PropertySearch#SHRUNK_PER_INVARIANT} failures of each invariant only: the search shrinks
 * and files no others, and those it does are among them in every block.
 *
 * <p>This adapter goes once the search core returns replay text itself.
 */
public final class PortableSeedWork implements BlockWork<BlockFindings> {
    private static final long serialVersionUID = 1L;

    private final String scenario;
    private final String variant;
    private final LinkedHashMap<String, Object> config;
    private final boolean shrink;
    private final String orderings;
    private final int shrinkRunsMax;
    private final PropertyOracle oracle;

    /** Public for engine benchmarks, which time the blocks a search would run. */
    public PortableSeedWork(String scenario, String variant, Map<String, Object> config,
            boolean shrink, String orderings, int shrinkRunsMax, PropertyOracle oracle) {
        this.scenario = scenario;
        this.variant = variant;
        this.config = new LinkedHashMap<>(config);
        this.shrink = shrink;
        this.orderings = orderings;
        this.shrinkRunsMax = shrinkRunsMax;
        this.oracle = oracle;
    }

    @Override
    public BlockFindings apply(SeedBlock block) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("schedsim-block-");
            SweepPartial partial = new SeedRangeWork(scenario, variant, config, shrink,
                    dir.toString(), orderings, shrinkRunsMax, null, oracle)
                    .apply(block.first(), block.last(), System.nanoTime());
            return findings(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("block " + block + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static BlockFindings findings(SweepPartial partial) throws IOException {
        List<Failure> failures = new ArrayList<>(partial.failures());
        failures.sort(Comparator.comparingLong(Failure::seed));
        Map<String, Integer> kept = new TreeMap<>();
        List<FoundFailure> found = new ArrayList<>();
        for (Failure failure : failures) {
            int earlier = kept.merge(failure.invariant(), 1, Integer::sum) - 1;
            String json = earlier < PropertySearch.SHRUNK_PER_INVARIANT
                    && failure.replayFile() != null
                    ? Files.readString(Path.of(failure.replayFile()), StandardCharsets.UTF_8)
                    : null;
            found.add(FoundFailure.of(failure, json));
        }
        SweepPartial totals = new SweepPartial(partial.seedsRun(), partial.passed(), List.of(),
                new TreeMap<>(partial.violationsByInvariant()),
                new TreeMap<>(partial.faultsFired()),
                new TreeMap<>(partial.faultsSkipped()), new TreeMap<>(partial.latencyMillis()),
                partial.shrinkRuns());
        return new BlockFindings(totals, found);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
