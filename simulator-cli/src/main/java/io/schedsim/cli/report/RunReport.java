package io.schedsim.cli.report;

import io.schedsim.core.metrics.PercentileSummary;
import io.schedsim.core.time.SimTime;
import io.schedsim.prop.scenario.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The compact text report {@code schedsim run} prints without {@code --json}. */
public final class RunReport {
    private static final String ROW = "%-12s %s%n";
    private static final String LATENCY_ROW = "  %-20s %9s %9s %9s %9s %9s%n";

    private RunReport() {}

    public static String render(RunResult result) {
        StringBuilder text = new StringBuilder();
        row(text, "scenario", result.scenario() + "  seed " + result.seed() + "  variant "
                + (result.variant() == null ? "(correct model)" : result.variant()));
        row(text, "config", pairs(result.config()));
        if (result.resolved() != null && !result.resolved().isEmpty()) {
            row(text, "resolved", pairs(result.resolved()));
        }
        row(text, "trace hash", result.traceHash());
        row(text, "events", String.format(Locale.ROOT, "%,d in %s simulated, %,d ms wall",
                result.events(), SimTime.format(SimTime.millis(result.simulatedMillis())),
                result.wallMillis()));
        if (result.stopReason() != null) {
            boolean detailed = result.stopDetail() != null && !result.stopDetail().isEmpty();
            row(text, "stopped", result.stopReason()
                    + (detailed ? ": " + result.stopDetail() : ""));
        }
        RunResult.Nodes nodes = result.nodes();
        if (nodes != null) {
            row(text, "nodes", nodes.total() + " total, " + nodes.killed() + " killed, "
                    + nodes.down() + " down, " + nodes.drained() + " drained"
                    + (nodes.disconnected() > 0 ? ", " + nodes.disconnected() + " disconnected"
                    : ""));
        }
        RunResult.Tasks tasks = result.tasks();
        if (tasks != null) {
            row(text, "tasks", tasks.submitted() + " submitted, " + tasks.completed()
                    + " completed, " + tasks.failed() + " failed, " + tasks.lost() + " lost, "
                    + tasks.retries() + " retries, " + tasks.pending() + " pending");
        }
        RunResult.Faults faults = result.faults();
        if (faults != null) {
            row(text, "faults", faults.planned() + " planned; fired " + pairs(faults.fired())
                    + "; skipped " + pairs(faults.skipped()));
        }
        if (result.allocations() != null) {
            Map<String, Integer> unknown = result.allocations().unknown();
            boolean anyUnknown = unknown != null && unknown.values().stream().anyMatch(n -> n > 0);
            row(text, "allocations", "running " + pairs(result.allocations().running())
                    + (anyUnknown ? "; unknown " + pairs(unknown) : ""));
        }
        latencies(text, result.latencyMillis());
        violations(text, result.violations());
        return text.toString();
    }

    private static void latencies(StringBuilder text, Map<String, PercentileSummary> latencies) {
        if (latencies == null || latencies.isEmpty()) {
            return;
        }
        text.append(String.format(Locale.ROOT, "latency (ms)%n"));
        text.append(String.format(Locale.ROOT, LATENCY_ROW, "", "count", "p50", "p99", "p99.9",
                "max"));
        latencies.forEach((name, s) -> text.append(String.format(Locale.ROOT, LATENCY_ROW, name,
                s.count(), s.p50(), s.p99(), s.p999(), s.max())));
    }

    private static void violations(StringBuilder text, List<RunResult.Violation> violations) {
        if (violations == null || violations.isEmpty()) {
            row(text, "violations", "none");
            return;
        }
        row(text, "violations", String.valueOf(violations.size()));
        for (RunResult.Violation v : violations) {
            // The monitor's and MON-1's lines say so; the model's read as they always did.
            String source = v.source() == null || v.source().equals(RunResult.Violation.MODEL)
                    ? "" : " [" + v.source() + "]";
            text.append(String.format(Locale.ROOT, "  %s%s at %s (event #%d): %s%n",
                    v.invariant(), source, SimTime.format(SimTime.millis(v.atMillis())),
                    v.event(), v.message()));
        }
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
