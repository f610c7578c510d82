package io.schedsim.prop.replay;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.ScenarioCatalog;

/**
 * Re-runs the run a replay file describes, with its exact plan and ordering; a plan naming a node
 * the run does not have is an {@link io.schedsim.prop.scenario.InputException}.
 */
public final class Replayer {
    private Replayer() {}

    public static RunOutcome replay(ReplayFile file, TraceSink traceSink) {
        RunRequest request = new RunRequest(file.scenario(), file.seed(), file.config(),
                file.variant());
        return ScenarioCatalog.find(file.scenario()).replay(request, file.faultPlan(),
                file.ordering(), traceSink);
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
