package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.PropertySearch;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.search.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code spark} engine on {@code local[2]} reports exactly what the threads engine reports on
 * one thread and on two: seed count, failures (seeds, invariants, shrunk plans, signatures,
 * counts, messages, trace hashes), replay files by name and byte for byte, outcome, fault-kind
 * and shrink-run counts, with and without shrinking, with a {@code --max-failures} cut and in
 * guided search's rounds; and a stopped sweep keeps what it found.
 */
class LocalSparkSweepTest {
    @TempDir
    Path dir;

    @Test
    void localSparkReportsWhatTheThreadsEngineReports() {
        SearchReport one = threads(LocalSpark.sweep(dir.resolve("threads1")), 1);
        assertTrue(one.failures().stream().mapToInt(Failure::count).sum() >= 3, one::toString);
        assertTrue(one.statistics().shrinkRuns() > 0, one::toString);
        SearchReport two = threads(LocalSpark.sweep(dir.resolve("threads2")), 2);
        SparkSweepEngine engine = new SparkSweepEngine();
        SearchReport spark = spark(LocalSpark.sweep(dir.resolve("spark")), engine);
        assertEquals(ComparableReport.of(one), ComparableReport.of(spark));
        assertEquals(ComparableReport.of(two), ComparableReport.of(spark));
        assertTrue(engine.lastStats().tasksSucceeded() > 1, engine.lastStats()::toString);
        assertEquals(0, engine.lastStats().tasksFailed(), engine.lastStats()::toString);
    }

    @Test
    void withoutShrinkingAndWithACutToo() {
        SearchReport unshrunk = spark(LocalSpark.sweep(dir.resolve("spark")).shrink(false),
                new SparkSweepEngine());
        assertEquals(ComparableReport.of(threads(LocalSpark.sweep(dir.resolve("threads1"))
                .shrink(false), 1)), ComparableReport.of(unshrunk));
        assertEquals(ComparableReport.of(threads(LocalSpark.sweep(dir.resolve("threads2"))
                .shrink(false), 2)), ComparableReport.of(unshrunk));
        SearchReport cut = spark(LocalSpark.sweep(dir.resolve("spark-cut")).maxFailures(2),
                new SparkSweepEngine());
        assertEquals(2, cut.failures().stream().mapToInt(Failure::count).sum(), cut::toString);
        assertEquals(ComparableReport.of(threads(LocalSpark.sweep(dir.resolve("threads-cut"))
                .maxFailures(2), 2)), ComparableReport.of(cut));
    }

    private static SearchReport threads(SearchSettings settings, int threads) {
        return new PropertySearch(settings.threads(threads), Registry.builtIn()).run(null);
    }

    private static SearchReport spark(SearchSettings settings, SparkSweepEngine engine) {
        return new PropertySearch(settings, Registry.builtIn(), engine, LocalSpark.local2())
                .run(null);
    }

    /** Issue 15: guided search's rounds, corpus broadcast to the executors, same report. */
    @Test
    void guidedSearchRoundsReportWhatTheThreadsEngineReports() {
        SearchSettings guided = LocalSpark.sweep(dir.resolve("g-threads")).seeds(1, 600)
                .search(SearchSettings.GUIDED).shrink(false);
        SearchReport one = threads(guided, 1);
        assertTrue(one.statistics().guided().rounds() == 3 && one.statistics().guided()
                .corpusRuns() > 0, one.statistics()::toString);
        SearchReport spark = spark(guided.outDir(dir.resolve("g-spark")),
                new SparkSweepEngine());
        assertEquals(ComparableReport.of(one), ComparableReport.of(spark));
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
        // Everything the progress line counted is kept, blocks beyond a gap included (a stop
        // may cancel an earlier block still running).
        assertTrue(report.failures().stream().mapToInt(Failure::count).sum() >= 2,
                report::toString);
        for (Failure failure : report.failures()) {
            Path file = Path.of(failure.replayFile());
            assertTrue(Files.exists(file), file::toString);
            assertEquals(failure.traceHash(),
                    Replayer.replay(ReplayFiles.read(file, Registry.builtIn()), null).result()
                            .traceHash());
        }
    }
}
