package io.schedsim.prop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.spec.UserCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search reports the same thing whatever runs its blocks: the same seeds, failures, shrunk
 * plans, counts, shrink runs and replay files (name and bytes) on 1, 2 or 3 threads and through
 * an engine that serialises every work item and partial, with or without shrinking and with a
 * {@code --max-failures} cut; and it writes exactly the files it reports, readable by all.
 */
class SearchDeterminismTest {
    private static final String VARIANT = "double-counted-node-loss";
    private static final long LAST_SEED = 120;

    @TempDir
    Path dir;

    @Test
    void theReportIsTheSameOnAnyNumberOfThreadsAndEngines() throws IOException {
        SearchReport one = threads(settings("t1"), 1);
        assertTrue(one.failures().stream().mapToInt(Failure::count).sum() >= 3,
                "the range must hold counted failures too: " + one.failures());
        assertTrue(one.statistics().shrinkRuns() > 0);
        for (int threads : new int[] {2, 3}) {
            SearchReport many = threads(settings("t" + threads), threads);
            assertEquals(ComparableReport.of(one), ComparableReport.of(many), threads + " threads");
            assertWroteExactlyWhatItReports(many);
        }
        SearchReport serialised = new PropertySearch(settings("serialised"), Registry.builtIn(),
                new SerialisingEngine(), EngineOptions.threads(2)).run(null);
        assertEquals(ComparableReport.of(one), ComparableReport.of(serialised));
        assertWroteExactlyWhatItReports(one);
    }

    @Test
    void withoutShrinkingTheSameFailuresAreFiledUnshrunk() {
        SearchReport one = threads(settings("t1").shrink(false), 1);
        SearchReport three = threads(settings("t3").shrink(false), 3);
        assertEquals(ComparableReport.of(one), ComparableReport.of(three));
        assertEquals(0, one.statistics().shrinkRuns());
        for (Failure failure : one.failures()) {
            assertEquals(failure.faultsBeforeShrink(), failure.faultsAfterShrink());
        }
    }

    @Test
    void maxFailuresCutsAtTheNthFailingSeedInSeedOrder() throws IOException {
        SearchReport one = threads(settings("t1").seeds(1, 100_000).maxFailures(3), 1);
        SearchReport three = threads(settings("t3").seeds(1, 100_000).maxFailures(3), 3);
        assertEquals(ComparableReport.of(one), ComparableReport.of(three));
        assertEquals(3, one.failures().stream().mapToInt(Failure::count).sum(), one::toString);
        assertEquals(3, one.statistics().violationsByInvariant().values().stream()
                .mapToLong(Long::longValue).sum());
        assertTrue(one.seedsRun() < 200, one.seedsRun() + " seeds");
        assertFalse(one.statistics().interrupted());
        assertWroteExactlyWhatItReports(three);
    }

    @Test
    void staleTemporaryFilesAreRemovedAndReplayFilesAreReadableByAll() throws IOException {
        Path out = Files.createDirectories(dir.resolve("t1"));
        Path stale = Files.writeString(out.resolve(".replay-123.tmp"), "{\"half\": ");
        Path other = Files.writeString(out.resolve("notes.txt"), "kept");
        SearchReport report = threads(settings("t1").seeds(1, 24), 1);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other));
        assertFalse(report.failures().isEmpty());
        for (Failure failure : report.failures()) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(Path.of(failure.replayFile()))));
        }
    }

    @Test
    void onlyRegisteredPartsTravelToOtherJvms() {
        SearchSettings lambda = settings("s").template(settings("s").template()
                .withCheck(UserCheck.of("mine", run -> "always")));
        InputException refused = assertThrows(InputException.class, () -> new PropertySearch(
                lambda, Registry.builtIn(), new SerialisingEngine(), EngineOptions.threads(1))
                .run(null));
        assertEquals("--engine serialising-threads: check 'mine' is not registered by a "
                + "SchedsimPlugin, so other JVMs cannot find it by name (register it in "
                + "META-INF/services and pass its jar with --classpath)", refused.getMessage());
        SearchReport inThisJvm = threads(lambda.seeds(1, 8).shrink(false), 2);
        assertTrue(inThisJvm.failures().stream().anyMatch(f -> f.invariant().equals("mine")),
                "a lambda check runs on the threads engine: " + inThisJvm.failures());
    }

    @Test
    void engineListsTheBuiltInThreadsEngine() {
        assertTrue(SweepEngine.names().contains("threads"), SweepEngine.names().toString());
        assertTrue(SweepEngine.find("threads").isPresent());
        assertTrue(SweepEngine.find("no-such-engine").isEmpty());
    }

    @Test
    void blockWorkMustBeANamedClass() {
        BlockWork<Long> lambda = SeedBlock::size;
        assertThrows(IllegalArgumentException.class, () -> BlockWork.requireNamedClass(lambda));
    }

    @Test
    void aRangeSplitsIntoBlocksWithAShorterLastOne() {
        List<SeedBlock> blocks = new ArrayList<>();
        SeedBlock.split(1, 20, 8).forEachRemaining(blocks::add);
        assertEquals(List.of(new SeedBlock(1, 8), new SeedBlock(9, 16), new SeedBlock(17, 20)),
                blocks);
        long last = Long.MAX_VALUE - (1L << 20);
        assertEquals(new SeedBlock(last, last), SeedBlock.split(last, last, 8).next());
    }

    private SearchSettings settings(String out) {
        return SearchSettings.of("chaos-swarm", VARIANT).seeds(1, LAST_SEED)
                .outDir(dir.resolve(out));
    }

    private static SearchReport threads(SearchSettings settings, int threads) {
        return new PropertySearch(settings.threads(threads), Registry.builtIn()).run(null);
    }

    /** The output directory holds the report's replay files and nothing else it wrote. */
    private static void assertWroteExactlyWhatItReports(SearchReport report) throws IOException {
        List<String> listed = report.failures().stream()
                .map(failure -> Path.of(failure.replayFile()).getFileName().toString()).sorted()
                .toList();
        Path out = Path.of(report.failures().get(0).replayFile()).getParent();
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(listed, files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("notes.txt")).sorted().toList());
        }
    }
}
