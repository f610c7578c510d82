package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.PropertySearch;
import io.schedsim.prop.search.SearchReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code spark} engine on {@code local[2]} reports what the threads engine on one thread
 * reports: seed count, failures (seeds, invariants, shrunk plans, trace hashes, counts), replay
 * files byte for byte, outcome and fault-kind counts; and a stopped sweep keeps what it found.
 */
class LocalSparkSweepTest {
    @TempDir
    Path dir;

    @Test
    void localSparkReportsWhatTheThreadsEngineReports() {
        SearchReport threads = new PropertySearch(LocalSpark.sweep(dir.resolve("threads"))
                .threads(1)).run(null);
        assertTrue(threads.failures().stream().mapToInt(Failure::count).sum() >= 3,
                threads::toString);
        SparkSweepEngine engine = new SparkSweepEngine();
        SearchReport spark = new PropertySearch(LocalSpark.sweep(dir.resolve("spark")),
                Registry.builtIn(), engine, LocalSpark.local2()).run(null);
        assertEquals(ComparableReport.of(threads), ComparableReport.of(spark));
        assertTrue(engine.lastStats().tasksSucceeded() > 1, engine.lastStats()::toString);
        assertEquals(0, engine.lastStats().tasksFailed(), engine.lastStats()::toString);
    }

    @Test
    void withoutShrinkingToo() {
        SearchReport threads = new PropertySearch(LocalSpark.sweep(dir.resolve("threads"))
                .threads(1).shrink(false)).run(null);
        SearchReport spark = new PropertySearch(LocalSpark.sweep(dir.resolve("spark"))
                .shrink(false), Registry.builtIn(), new SparkSweepEngine(), LocalSpark.local2())
                .run(null);
        assertEquals(ComparableReport.of(threads), ComparableReport.of(spark));
    }

    @Test
    void aStoppedSweepKeepsItsFailuresWithReplayFilesThatReplay() {
        PropertySearch[] search = new PropertySearch[1];
        search[0] = new PropertySearch(LocalSpark.sweep(dir).seeds(1, 1_000_000),
                Registry.builtIn(), new SparkSweepEngine(), LocalSpark.local2());
        SearchReport report = search[0].run(progress -> {
            if (progress.failures() >= 2) {
                search[0].stop();
            }
        });
        assertTrue(report.statistics().interrupted());
        assertTrue(report.seedsRun() < 100_000, () -> report.seedsRun() + " seeds");
        assertFalse(report.failures().isEmpty());
        for (Failure failure : report.failures()) {
            Path file = Path.of(failure.replayFile());
            assertTrue(Files.exists(file), file::toString);
            assertEquals(failure.traceHash(),
                    Replayer.replay(ReplayFiles.read(file, Registry.builtIn()), null).result()
                            .traceHash());
        }
    }
}
