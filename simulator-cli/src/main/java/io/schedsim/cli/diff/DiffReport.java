package io.schedsim.cli.diff;

import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.Divergence;
import io.schedsim.core.trace.TraceEvent;
import io.schedsim.core.trace.TraceHash;
import io.schedsim.prop.scenario.RunResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code diff} prints: each side and its run, then "identical" or the first divergent event
 * of both runs (index, time, kind, entity, payload, hash after it), as text or as one JSON object
 * whose events have the fields of a JSONL trace line.
 */
public final class DiffReport {
    private DiffReport() {}

    public static void print(RunDiff diff, PrintWriter out) {
        out.printf("%-12s %s (%s)%n", "A", diff.a().describe(), diff.a().path());
        out.printf("%-12s %s (%s)%n", "B", diff.b().describe(), diff.b().path());
        out.printf("%-12s %s%n", "A ran", ran(diff.outcomeA().result()));
        out.printf("%-12s %s%n", "B ran", ran(diff.outcomeB().result()));
        if (diff.identical()) {
            out.printf("%-12s trace hash %s over %,d events%n", "identical",
                    diff.outcomeA().result().traceHash(), diff.comparison().eventsFirst());
            return;
        }
        Divergence divergence = diff.comparison().divergence();
        out.printf("%-12s at event #%,d%n", "diverged", divergence.eventIndex());
        out.println("  A  " + event(divergence.first(), diff.comparison().eventsFirst()));
        out.println("  B  " + event(divergence.second(), diff.comparison().eventsSecond()));
    }

    /** The JSON object of {@code diff --json}. */
    public static Map<String, Object> json(RunDiff diff) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("identical", diff.identical());
        root.put("a", side(diff.a(), diff.outcomeA().result()));
        root.put("b", side(diff.b(), diff.outcomeB().result()));
        Divergence divergence = diff.identical() ? null : diff.comparison().divergence();
        if (divergence == null) {
            root.put("divergence", null);
        } else {
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("event", divergence.eventIndex());
            at.put("a", eventJson(divergence.first()));
            at.put("b", eventJson(divergence.second()));
            root.put("divergence", at);
        }
        return root;
    }

    private static String ran(RunResult result) {
        String violation = result.violations().isEmpty() ? "no violation"
                : result.violations().get(0).invariant() + " at "
                        + seconds(result.violations().get(0).atMillis());
        return String.format(Locale.ROOT, "trace hash %s, %,d events, %s simulated, %s",
                result.traceHash(), result.events(), seconds(result.simulatedMillis()),
                violation);
    }

    private static String event(TraceEvent event, long eventCount) {
        if (event == null) {
            return String.format(Locale.ROOT, "(ended after %,d events)", eventCount);
        }
        return String.format(Locale.ROOT, "t=%s  %s  entity=%d payload=%d  hash %s",
                SimTime.format(event.timeNanos()), event.kind(), event.entity(), event.payload(),
                TraceHash.hex(event.hashAfter()));
    }

    private static Map<String, Object> side(ReplayRun run, RunResult result) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("file", run.path());
        side.put("scenario", run.scenario());
        side.put("seed", run.seed());
        side.put("variant", run.variant());
        side.put("overrides", run.overrides());
        side.put("traceHash", result.traceHash());
        side.put("events", result.events());
        side.put("simulatedMillis", result.simulatedMillis());
        side.put("violations", result.violations());
        return side;
    }

    /** An event as a JSONL trace line has it, or null for a run that had ended. */
    private static Map<String, Object> eventJson(TraceEvent event) {
        if (event == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("i", event.eventIndex());
        json.put("tNanos", event.timeNanos());
        json.put("kind", event.kind());
        json.put("entity", event.entity());
        json.put("payload", event.payload());
        json.put("hash", TraceHash.hex(event.hashAfter()));
        return json;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}
