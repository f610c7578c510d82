package io.schedsim.monitor.live;

import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The liveness invariants, judged once at the end of a history that ended with a run-ended
 * after a normal stop (queue empty, time limit or end condition). A history cut short (no
 * run-ended, or a run stopped by a check or the event budget) is skipped, and each skip says so;
 * within a judged run every excuse is exact and named (the task, job or node, and the capacity
 * that was missing). INV-23 and INV-26 are judged by {@link TaskLiveness}, INV-24, INV-25 and
 * INV-27 by {@link NomadLiveness}. INV-28 is judged by {@link io.schedsim.monitor.ray.ActorGuard},
 * which keeps the actors' record.
 */
public final class LivenessJudge extends Guard {
    private static final Invariant[] JUDGED = {Invariant.TASKS_TERMINAL,
        Invariant.SERVICE_COUNTS_RESTORED, Invariant.DRAINS_COMPLETE, Invariant.CAPACITY_FREE,
        Invariant.SYSTEM_COVERAGE};

    private static final Set<EventType> EVENTS = EnumSet.noneOf(EventType.class);

    private final State state;

    public LivenessJudge(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void finish(long endNanos, boolean settled) {
        if (!settled) {
            String shape = state.config.stopReason == null
                    ? "the history ends without run-ended (cut short)"
                    : "the run stopped early (" + state.config.stopReason + ")";
            for (Invariant invariant : JUDGED) {
                state.verdicts.skip(invariant, shape);
            }
            return;
        }
        new TaskLiveness(state).judge(endNanos);
        new NomadLiveness(state).judge(endNanos);
    }
}
