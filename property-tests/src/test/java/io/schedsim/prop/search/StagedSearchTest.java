package io.schedsim.prop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged search, which engines that ship work to other JVMs run, reports what the threads
 * engine on one thread reports: the same seeds, failures, shrunk plans, trace hashes and replay
 * files, whatever the number of workers; and its work survives serialisation.
 */
class StagedSearchTest {
    private static final String VARIANT = "double-counted-node-loss";
    private static final long LAST_SEED = 120;

    @Test
    void stagedSearchReportsWhatOneThreadReports(@TempDir Path dir) {
        SearchReport threads = new PropertySearch(settings(dir.resolve("threads")).threads(1))
                .run(null);
        assertTrue(threads.failures().stream().mapToInt(Failure::count).sum() >= 3,
                "the range must hold counted failures too: " + threads.failures());
        for (int workers : new int[] {1, 2}) {
            SearchReport staged = new PropertySearch(settings(dir.resolve("staged" + workers)),
                    null, new SerialisingEngine(), EngineOptions.threads(workers)).run(null);
            assertEquals(ComparableReport.of(threads), ComparableReport.of(staged),
                    "staged search on " + workers + " workers");
        }
    }

    @Test
    void withoutShrinkingTheSameFailuresAreFiledUnshrunk(@TempDir Path dir) {
        SearchReport threads = new PropertySearch(settings(dir.resolve("threads")).threads(1)
                .shrink(false)).run(null);
        SearchReport staged = new PropertySearch(settings(dir.resolve("staged")).shrink(false),
                null, new SerialisingEngine(), EngineOptions.threads(2)).run(null);
        assertEquals(ComparableReport.of(threads), ComparableReport.of(staged));
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

    private static SearchSettings settings(Path out) {
        return SearchSettings.of("chaos-swarm", VARIANT).seeds(1, LAST_SEED).outDir(out);
    }
}
