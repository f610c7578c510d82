package io.schedsim.cli.timeline;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.inject.LedgerEntry;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The node events, fault ledger entries and violations of a run as text lines, by time. */
final class EventLog {
    static final int LINES_MAX = 5_000;

    private record Line(long atMillis, String text) {}

    private EventLog() {}

    static List<String> of(RunOutcome outcome, long endMillis) {
        List<Line> lines = new ArrayList<>();
        if (outcome.cluster() != null) {
            for (NodeEvent event : outcome.cluster().nodeEvents()) {
                long at = SimTime.toMillis(event.atNanos());
                lines.add(new Line(at, String.format(Locale.ROOT, "t=%.3fs node %d %s%s",
                        at / 1000.0, event.node(), event.kind().name().toLowerCase(Locale.ROOT),
                        event.detail().isEmpty() ? "" : ": " + event.detail())));
            }
        }
        if (outcome.ledger() != null) {
            for (LedgerEntry entry : outcome.ledger().entries()) {
                lines.add(new Line(entry.timeMillis(), "fault " + entry.describe()));
            }
        }
        for (RunResult.Violation v : outcome.result().violations()) {
            lines.add(new Line(v.atMillis(), String.format(Locale.ROOT,
                    "t=%.3fs VIOLATION %s (event #%d): %s", v.atMillis() / 1000.0, v.invariant(),
                    v.event(), v.message())));
        }
        lines.sort(Comparator.comparingLong(Line::atMillis));
        List<String> text = new ArrayList<>();
        for (Line line : lines) {
            if (text.size() == LINES_MAX) {
                text.add("... " + (lines.size() - LINES_MAX) + " more lines not shown");
                break;
            }
            text.add(line.text());
        }
        return text;
    }
}
