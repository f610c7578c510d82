package io.schedsim.cli.sweep;

import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.SearchReport;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The text report {@code schedsim sweep} prints without {@code --json}. */
public final class SweepReport {
    private static final String ROW = "%-12s %s%n";
    private static final int MESSAGE_CHARS_MAX = 160;

    private SweepReport() {}

    public static String render(SearchReport report, String seeds, int threads) {
        StringBuilder text = new StringBuilder();
        row(text, "sweep", report.scenario() + "  variant "
                + (report.variant() == null ? "(correct model)" : report.variant()));
        double seconds = report.wallMillis() / 1000.0;
        double rate = report.wallMillis() == 0 ? 0 : report.seedsRun() / seconds;
        SearchReport.Statistics stats = report.statistics();
        row(text, "seeds", String.format(Locale.ROOT, "%,d run of %s in %.1f s (%s/s on %d "
                + "thread%s)%s", report.seedsRun(), seeds, seconds, rate(rate), threads,
                threads == 1 ? "" : "s", stats.interrupted() ? ", stopped early" : ""));
        // Action types (15), not the swarm's fault kinds (12), which group them.
        row(text, "faults", String.format(Locale.ROOT, "%,d fired over %d action types, %,d "
                + "skipped (per type: --json)", total(stats.faultsFired()),
                stats.faultsFired().size(), total(stats.faultsSkipped())));
        if (stats.guided() != null) {
            SearchReport.Guided guided = stats.guided();
            row(text, "guided", String.format(Locale.ROOT, "%,d rounds, %,d runs from a corpus of "
                    + "%,d plans, %,d features reached", guided.rounds(), guided.corpusRuns(),
                    guided.corpusEntries(), guided.featuresCovered()));
        }
        if (report.failures().isEmpty()) {
            row(text, "failures", "none");
            return text.toString();
        }
        long failingSeeds = report.failures().stream().mapToLong(Failure::count).sum();
        row(text, "failures", String.format(Locale.ROOT, "%d distinct over %,d failing seeds, "
                + "first after %,d ms; %s; shrinking took %,d runs", report.failures().size(),
                failingSeeds, report.firstFailureMillis(),
                pairs(stats.violationsByInvariant()), stats.shrinkRuns()));
        for (Failure failure : report.failures()) {
            text.append(String.format(Locale.ROOT, "  seed %d  %s  faults %d -> %d  seen %dx%n",
                    failure.seed(), failure.invariant(), failure.faultsBeforeShrink(),
                    failure.faultsAfterShrink(), failure.count()));
            text.append("    ").append(shorten(failure.message())).append('\n');
            if (failure.replayFile() != null) {
                text.append("    schedsim replay ").append(failure.replayFile()).append('\n');
            }
        }
        return text.toString();
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f" : "%,.0f", perSecond);
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MESSAGE_CHARS_MAX ? message
                : message.substring(0, MESSAGE_CHARS_MAX - 3) + "...";
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, ROW, label, value));
    }

    private static String pairs(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return "none";
        }
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
