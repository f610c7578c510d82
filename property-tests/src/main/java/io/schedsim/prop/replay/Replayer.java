package io.schedsim.prop.replay;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.model.Cluster;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.scenario.ScenarioDefinition;
import java.util.function.Consumer;

/**
 * Re-runs the run a replay file describes, with its exact plan and ordering; a plan naming a node
 * the run does not have is an {@link io.schedsim.prop.scenario.InputException}.
 */
public final class Replayer {
    private Replayer() {}

    public static RunOutcome replay(ReplayFile file, TraceSink traceSink) {
        return replay(file, traceSink, null);
    }

    /**
     * As above; a built-in scenario shows its started cluster to {@code onStart} (null: none)
     * before the first event, so that a caller can install observers. Others run without it.
     */
    public static RunOutcome replay(ReplayFile file, TraceSink traceSink,
            Consumer<Cluster> onStart) {
        RunRequest request = new RunRequest(file.scenario(), file.seed(), file.config(),
                file.variant());
        ScenarioDefinition scenario = ScenarioCatalog.find(file.scenario());
        if (onStart != null && scenario instanceof BuiltInScenario builtIn) {
            return builtIn.replay(request, file.faultPlan(), file.ordering(), traceSink,
                    onStart);
        }
        return scenario.replay(request, file.faultPlan(), file.ordering(), traceSink);
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
