package io.schedsim.monitor.nomad;

import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainCompleted;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-9 with N-19's deadline coalescing, as nomad/drainer/drain_heap.go does it: the drainer
 * keeps one timer, due at the latest tracked deadline strictly before the earliest + the
 * coalesce window (the earliest itself with a window of 0), and fires every drain due by then as
 * one batch; a force drain's deadline is upstream's zero time, so it fires at once and alone.
 * So a step in which drains clear at their deadline must be that due time (judged at its first
 * deadline clear, from the drains the monitor tracks), and every tracked drain due by then
 * clears in that step. {@code DrainGuard} bounds how late a deadline may fire; this guard says
 * exactly when, which a drainer firing each deadline on its own breaks.
 */
public final class CoalesceGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.DRAIN_SET_CALL,
            EventType.DRAIN_CANCEL_CALL, EventType.DRAIN_COMPLETED, EventType.NODE_PURGED);
    /** A force drain's key: before every real deadline, as upstream's zero time is. */
    private static final long FORCE = Long.MIN_VALUE;

    private final State state;
    /** Per node index, the deadline the heap tracks (FORCE for force); NEVER if untracked. */
    private final LongArrayList keys = new LongArrayList();
    private long batchNanos = Time.NOT_YET;
    /** When a drain was last set, cancelled or completed normally: the heap recomputes then. */
    private long lastChangeNanos = Long.MIN_VALUE;
    private long batchDueNanos = Time.NEVER;

    public CoalesceGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public boolean judgesSteps() {
        return true;
    }

    @Override
    public void before(HistoryEvent event) {
        // A purge untracks the node's drain (N-20): the heap recomputes, as at a cancel.
        if (state.eventType == EventType.NODE_PURGED && state.nodes.draining(state.nodeIndex)) {
            lastChangeNanos = event.atNanos();
            return;
        }
        if (event instanceof DrainCompleted e && e.deadlineReached() && state.config.drainerKnown
                && batchNanos != e.atNanos() && state.nodes.draining(state.nodeIndex)) {
            batchNanos = e.atNanos();
            batchDueNanos = due(e.atNanos());
        }
    }

    /** calculateNextDeadline over the tracked drains; the time itself for a force drain. */
    private long due(long now) {
        long earliest = Time.NEVER;
        for (int n = 0; n < keys.size(); n++) {
            earliest = Math.min(earliest, keys.getLong(n));
        }
        if (earliest == FORCE || earliest == Time.NEVER) {
            return now;
        }
        long limit = Time.plus(earliest, state.config.coalesceWindowNanos);
        long due = earliest;
        for (int n = 0; n < keys.size(); n++) {
            long key = keys.getLong(n);
            if (key < limit && key > due) {
                due = key;
            }
        }
        // The timer is recomputed whenever the tracked set changes, and a due time already past
        // then fires at once (chaos-swarm seed 134884: node 5's drain completed at 242.733 s,
        // leaving node 6's deadline of 241.151 s, which fired at once).
        if (Math.max(due, lastChangeNanos) != now) {
            int n = keys.indexOf(earliest);
            state.verdicts.report(Invariant.DEADLINE, state.nodes.id(state.nodeIndex), -1, -1,
                    -1, "drain of node " + state.nodes.id(state.nodeIndex) + " cleared at its "
                            + "deadline at " + Time.format(now) + ", but the deadlines within "
                            + Time.format(state.config.coalesceWindowNanos) + " of the earliest ("
                            + Time.format(earliest) + ", node " + state.nodes.id(n)
                            + ") fire together at " + Time.format(due) + " (N-19)");
        }
        return due;
    }

    @Override
    public void after(HistoryEvent event) {
        int n = state.nodeIndex;
        while (keys.size() <= n) {
            keys.add(Time.NEVER);
        }
        // Kept simple: the last change, not the timer's exact history. A drainer firing late
        // across a later change passes here; DrainGuard still bounds how late.
        if ((event instanceof DrainSetCall s && s.accepted())
                || (event instanceof DrainCancelCall c && c.accepted())
                || (event instanceof DrainCompleted d && !d.deadlineReached())) {
            lastChangeNanos = event.atNanos();
        }
        if (event instanceof DrainSetCall e) {
            if (e.accepted()) {
                keys.set(n, e.force() ? FORCE
                        : e.deadlineMillis() > 0 ? state.nodes.drainDeadline(n) : Time.NEVER);
            }
        } else if (!state.nodes.draining(n)) {
            keys.set(n, Time.NEVER);
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        if (batchNanos != instantNanos) {
            return;
        }
        for (int n = 0; n < keys.size(); n++) {
            long key = keys.getLong(n);
            if (key != Time.NEVER && key <= batchDueNanos && state.nodes.draining(n)) {
                state.verdicts.report(Invariant.DEADLINE, state.nodes.id(n), -1, -1, -1,
                        "drain of node " + state.nodes.id(n) + " is due in the deadline batch"
                                + " fired at " + Time.format(instantNanos) + " but is still set"
                                + " after it (N-19)");
            }
        }
    }
}
