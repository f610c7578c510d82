package io.schedsim.monitor.ray;

import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.RayDrainCall;
import io.schedsim.history.RayDrainReason;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import java.util.EnumSet;
import java.util.Set;

/**
 * Ray's {@code DrainNode} answers (R-15; ray:python/ray/tests/test_draining.py
 * {@code test_idle_termination}, {@code test_preemption}): a negative deadline is an error;
 * draining a node the monitor has seen DEAD is accepted; PREEMPTION is always accepted;
 * IDLE_TERMINATION is accepted exactly when no attempt is RUNNING on the node ("The node to be
 * idle terminated is no longer idle."). A parent blocked in get and an orphaned child both hold a
 * worker there and show as RUNNING. What an accepted drain does is judged elsewhere: no lease on
 * a DRAINING node ({@link LeaseGuard}, R-17), a death after a PREEMPTION deadline is preempted
 * ({@link AttemptGuard}, R-3 and R-11).
 */
public final class RayDrainGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.RAY_DRAIN_CALL);

    private final State state;

    public RayDrainGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (!(event instanceof RayDrainCall e)) {
            return;
        }
        int n = state.nodeIndex;
        boolean expected;
        String why;
        if (e.deadlineMillis() < 0) {
            expected = false;
            why = "its deadline " + e.deadlineMillis() + " ms is invalid";
        } else if (state.nodes.down(n)) {
            expected = true;
            why = "draining a dead node is always accepted";
        } else if (e.reason() == RayDrainReason.PREEMPTION) {
            expected = true;
            why = "a preemption drain is never rejected";
        } else {
            int running = state.tasks.runningOn(n).size();
            expected = running == 0;
            why = expected ? "the node runs no attempt" : "the node runs " + running
                    + " attempts (no longer idle)";
        }
        if (e.accepted() != expected) {
            state.verdicts.report(Invariant.RAY_DRAIN, e.node(), -1, -1, -1, e.reason()
                    + " drain of node " + e.node() + " " + (e.accepted() ? "accepted" : "rejected")
                    + " although " + why);
        }
    }
}
