package io.schedsim.prop.replay;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.history.HistorySink;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.ScenarioCatalog;

/** Re-runs the run a replay file describes, with its exact plan and ordering. */
public final class Replayer {
    private Replayer() {}

    public static RunOutcome replay(ReplayFile file, TraceSink traceSink) {
        return replay(file, traceSink, HistorySink.NONE);
    }

    /** Replays, with the run's history (docs/history.md) also written to {@code history}. */
    public static RunOutcome replay(ReplayFile file, TraceSink traceSink, HistorySink history) {
        RunRequest request = new RunRequest(file.scenario(), file.seed(), file.config(),
                file.variant());
        return ScenarioCatalog.find(file.scenario()).execute(request, file.faultPlan(),
                file.ordering(), traceSink, history);
    }

    /** True if the outcome reproduces the recorded trace hash and first invariant. */
    public static boolean reproduces(ReplayFile file, RunOutcome outcome) {
        if (file.expected() == null) {
            return true;
        }
        String invariant = outcome.result().violations().isEmpty() ? null
                : outcome.result().violations().get(0).invariant();
        return file.expected().traceHash().equals(outcome.result().traceHash())
                && java.util.Objects.equals(file.expected().invariant(), invariant);
    }
}
