package io.schedsim.spark;

import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.SearchReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A search report without what depends on the wall clock or the output directory: every failure
 * field but {@code foundAtMillis}, the replay file's name and content, and the statistics but
 * {@code interrupted}. Two engines that searched the same seeds must produce equal ones.
 */
record ComparableReport(long seedsRun, List<Row> failures, long passed,
        Map<String, Long> violationsByInvariant, Map<String, Long> faultsFired,
        Map<String, Long> faultsSkipped, long shrinkRuns, SearchReport.Guided guided) {

    /** A failure, its replay file by name and content. */
    record Row(long seed, String invariant, String replayName, String replayJson,
            int faultsBeforeShrink, int faultsAfterShrink, String signature, int count,
            String message, String traceHash) {}

    static ComparableReport of(SearchReport report) {
        List<Row> rows = report.failures().stream().map(ComparableReport::row).toList();
        SearchReport.Statistics stats = report.statistics();
        return new ComparableReport(report.seedsRun(), rows, stats.passed(),
                stats.violationsByInvariant(), stats.faultsFired(), stats.faultsSkipped(),
                stats.shrinkRuns(), stats.guided());
    }

    private static Row row(Failure f) {
        String name = null;
        String json = null;
        if (f.replayFile() != null) {
            Path file = Path.of(f.replayFile());
            name = file.getFileName().toString();
            try {
                json = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Row(f.seed(), f.invariant(), name, json, f.faultsBeforeShrink(),
                f.faultsAfterShrink(), f.signature(), f.count(), f.message(), f.traceHash());
    }
}
