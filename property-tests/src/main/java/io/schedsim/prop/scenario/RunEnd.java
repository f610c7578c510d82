package io.schedsim.prop.scenario;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.event.SimulationFailure;
import io.schedsim.core.event.StopReason;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.task.RayWorkload;
import java.util.Locale;

/**
 * Why a run ended, as its report says: a reason and one sentence with the simulated time. The
 * event loop only knows that its last call returned (a time limit is reached at every settling
 * step, so "TIME_LIMIT" was printed whatever happened); this classifies the whole run instead.
 */
public record RunEnd(Reason reason, String detail) {
    /** The ways a built-in scenario's run ends. */
    public enum Reason {
        /** The scenario's end condition held: a quiescent cluster, or every task terminal. */
        END_CONDITION,
        /** The scenario's horizon came before its end condition held. */
        HORIZON,
        /** The event budget ({@link ScenarioRunner#EVENT_COUNT_MAX}) was spent. */
        EVENT_LIMIT,
        /** A violation stopped the run: an invariant broke, or a model check failed. */
        VIOLATION
    }

    /** Classifies a run whose phases returned {@code loop} (checked before end-of-run checks). */
    static RunEnd of(BuiltInScenario scenario, Cluster cluster, StopReason loop) {
        Simulation sim = cluster.sim();
        String at = SimTime.format(sim.nowNanos());
        if (loop == StopReason.STOPPED) {
            return new RunEnd(Reason.VIOLATION, String.format(Locale.ROOT,
                    "the first violation stopped the run at %s, after %,d events", at,
                    sim.eventCount()));
        }
        if (loop == StopReason.EVENT_LIMIT) {
            return new RunEnd(Reason.EVENT_LIMIT, String.format(Locale.ROOT,
                    "the budget of %,d events was spent at %s", ScenarioRunner.EVENT_COUNT_MAX,
                    at));
        }
        String condition = scenario.endCondition(cluster);
        if (!scenario.finished(cluster)) {
            return new RunEnd(Reason.HORIZON, "reached the horizon at " + at + " before "
                    + condition);
        }
        RayWorkload ray = cluster.ray();
        if (ray != null && ray.allTerminal()) {
            return new RunEnd(Reason.END_CONDITION, condition + " at "
                    + SimTime.format(ray.lastEndNanos()) + "; the run ended at " + at);
        }
        return new RunEnd(Reason.END_CONDITION, condition + " at " + at);
    }

    /** A model check that failed (during the run or in the end-of-run audit). */
    static RunEnd checkFailed(SimulationFailure failure) {
        return new RunEnd(Reason.VIOLATION, "a model check failed at "
                + SimTime.format(failure.timeNanos()) + " (event #" + failure.eventIndex() + ")");
    }
}
