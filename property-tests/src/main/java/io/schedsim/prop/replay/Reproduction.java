package io.schedsim.prop.replay;

import io.schedsim.core.time.SimTime;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import java.util.Locale;
import java.util.Objects;

/**
 * How a replay's run compares with what its file recorded: reproduced when the trace hash and
 * the first violated invariant are the recorded ones. A file that records no outcome (written
 * by hand) has nothing to reproduce: {@code recorded} is false and so is {@code reproduced}.
 *
 * @param difference one sentence naming recorded and obtained outcome and, where the file has
 *     checkpoints, the first window of events that differs; null when reproduced or unrecorded
 */
public record Reproduction(boolean recorded, boolean reproduced, String difference) {

    /** Compares; {@code obtained} holds the run's checkpoints (null if none were recorded). */
    public static Reproduction of(ReplayFile file, RunOutcome outcome, Checkpoints obtained) {
        ReplayFile.Expected expected = file.expected();
        if (expected == null) {
            return new Reproduction(false, false, null);
        }
        RunResult result = outcome.result();
        RunResult.Violation first = result.violations().isEmpty() ? null
                : result.violations().get(0);
        String invariant = first == null ? null : first.invariant();
        if (expected.traceHash().equals(result.traceHash())
                && Objects.equals(expected.invariant(), invariant)) {
            return new Reproduction(true, true, null);
        }
        String recordedText = "recorded trace hash " + expected.traceHash() + " with "
                + (expected.invariant() == null ? "no violation" : expected.invariant());
        String obtainedText = String.format(Locale.ROOT, "this run: trace hash %s over %,d events"
                + " with %s", result.traceHash(), result.events(), first == null ? "no violation"
                : first.invariant() + " at event #" + first.event() + " ("
                + SimTime.format(SimTime.millis(first.atMillis())) + ")");
        return new Reproduction(true, false, recordedText + "; " + obtainedText + "; "
                + where(expected.checkpoints(), obtained));
    }

    /** Where the runs first differ, as far as the recorded checkpoints tell. */
    private static String where(Checkpoints recorded, Checkpoints obtained) {
        if (recorded == null || obtained == null) {
            return "the file records no checkpoints, so the first divergent event is unknown";
        }
        String window = recorded.firstDifference(obtained);
        if (window != null) {
            return "first divergence within " + window;
        }
        return "the first " + Math.min(recorded.hashes().size(), obtained.hashes().size())
                * recorded.everyEvents() + " events agree; the runs differ after them";
    }
}
