package io.schedsim.prop.replay;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.model.Cluster;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.function.Consumer;

/**
 * Re-runs the run a replay file describes: its spec, with its exact plan, ordering and user
 * checks; a plan naming a node the run does not have is an {@link
 * io.schedsim.prop.scenario.InputException}.
 */
public final class Replayer {
    private Replayer() {}

    public static RunOutcome replay(ReplayFile file, TraceSink traceSink) {
        return replay(file, traceSink, null);
    }

    /**
     * As above; {@code onStart} (null: none) sees the started cluster before its first event, so
     * that a caller can install observers that do not change the run.
     */
    public static RunOutcome replay(ReplayFile file, TraceSink traceSink,
            Consumer<Cluster> onStart) {
        return replayWith(file, RunOptions.NONE.withTrace(traceSink).withOnStart(onStart));
    }

    /** Replays with {@code options} (trace, observer, history), the plan read from the file. */
    public static RunOutcome replayWith(ReplayFile file, RunOptions options) {
        return file.spec().run(options.fromFile());
    }
}
