package io.schedsim.monitor.nomad;

import io.schedsim.history.DrainCompleted;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobType;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.DeadlineHeap;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.booleans.BooleanArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a drain may and must clear. INV-8: it clears only once every non-system allocation on the
 * node is client-terminal (nomad#14348), unless its deadline passed by the monitor's clock; and
 * once that holds it clears within one drainer batch (N-16, N-19). INV-9: the deadline is the
 * monitor's own (call time + deadline, N-4), a claimed {@code deadline_reached} before it is
 * false, the drain is gone within the coalesce and batch windows after it (N-18, N-19), and a
 * deadline clear leaves every remaining allocation marked in the same step. N-17: a normal
 * completion marks the remaining system allocations in the same step unless ignore-system.
 * A purge drops the node's drain (N-20): no obligation of it is left; PurgeGuard judges what
 * follows.
 */
public final class DrainGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.DRAIN_COMPLETED, EventType.DRAIN_SET_CALL, EventType.DRAIN_CANCEL_CALL,
            EventType.ALLOC_CLIENT_CHANGED, EventType.NODE_PURGED);

    private final State state;
    private final DeadlineHeap deadlines = new DeadlineHeap();
    private final DeadlineHeap doneSince = new DeadlineHeap();
    private final IntArrayList deadlineClears = new IntArrayList();
    /**
     * By {@link #deadlineClears} entry: whether the drain that cleared ignored system jobs. Kept
     * from the clear, since a new drain may be set on the node later in the same step.
     */
    private final BooleanArrayList deadlineClearsIgnoreSystem = new BooleanArrayList();
    private final IntArrayList normalClears = new IntArrayList();
    private boolean windowsSkipped;

    public DrainGuard(State state) {
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
    public boolean judgesDeadlines() {
        return true;
    }

    @Override
    public void before(HistoryEvent event) {
        if (event instanceof DrainCompleted e) {
            onCompleted(e);
        }
    }

    private void onCompleted(DrainCompleted e) {
        int n = state.nodeIndex;
        NodeTable nodes = state.nodes;
        long now = e.atNanos();
        if (!nodes.draining(n) && nodes.purged(n)) {
            return; // a purged node's dropped drain: PurgeGuard's (N-20)
        }
        if (!nodes.draining(n)) {
            report(Invariant.COMPLETION_CONDITION, n, -1, "drain completed on node " + e.node()
                    + ", which has no drain set");
            return;
        }
        long deadline = nodes.drainDeadline(n);
        boolean reached = deadline <= now;
        if (e.deadlineReached() && !reached) {
            report(Invariant.DEADLINE, n, -1, "drain of node " + e.node() + " claims "
                    + "deadline_reached at " + Time.format(now) + " but its deadline is "
                    + Time.format(deadline));
        }
        if (!reached) {
            int pending = pendingNonSystem(n);
            if (pending >= 0) {
                report(Invariant.COMPLETION_CONDITION, n, state.allocs.id(pending), "drain of "
                        + "node " + e.node() + " completed while allocation "
                        + state.allocs.id(pending) + " is " + state.allocs.client(pending)
                        + " (not client-terminal) and its deadline is " + Time.format(deadline));
            }
            if (!nodes.drainIgnoreSystem(n)) {
                normalClears.add(n);
            }
        } else {
            deadlineClears.add(n);
            deadlineClearsIgnoreSystem.add(nodes.drainIgnoreSystem(n));
        }
    }

    /** N-16: an allocation on the node that keeps its drain from being done, or -1. */
    private int pendingNonSystem(int n) {
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            if (state.jobs.type(allocs.job(a)) != JobType.SYSTEM && !allocs.clientTerminal(a)) {
                return a;
            }
        }
        return -1;
    }

    @Override
    public void after(HistoryEvent event) {
        switch (state.eventType) {
            case DRAIN_SET_CALL -> {
                if (((DrainSetCall) event).accepted()) {
                    onDrainSet(state.nodeIndex, state.eventNanos);
                }
            }
            case DRAIN_CANCEL_CALL, DRAIN_COMPLETED, NODE_PURGED -> {
                if (!state.nodes.draining(state.nodeIndex)) {
                    deadlines.remove(state.nodeIndex);
                    doneSince.remove(state.nodeIndex);
                }
            }
            case ALLOC_CLIENT_CHANGED -> {
                int n = state.nodeIndex;
                if (state.config.drainerKnown && state.nodes.draining(n) && !doneSince.contains(n)
                        && pendingNonSystem(n) < 0) {
                    doneSince.set(n, state.eventNanos);
                }
            }
            default -> {
                // no other event changes when a drain may or must clear
            }
        }
    }

    private void onDrainSet(int n, long now) {
        if (!state.config.drainerKnown) {
            skipWindows();
            return;
        }
        long deadline = state.nodes.drainDeadline(n);
        if (deadline == Time.NEVER) {
            deadlines.remove(n);
        } else {
            deadlines.set(n, deadline);
        }
        if (!doneSince.contains(n) && pendingNonSystem(n) < 0) {
            doneSince.set(n, now);
        }
    }

    private void skipWindows() {
        if (!windowsSkipped) {
            windowsSkipped = true;
            state.verdicts.skip(Invariant.DEADLINE, "no drainer-configured event: whether a "
                    + "drain outlives its deadline windows is not judged");
            state.verdicts.skip(Invariant.COMPLETION_CONDITION, "no drainer-configured event: "
                    + "whether a done drain clears within one batch is not judged");
        }
    }

    @Override
    public void timePassed(long nowNanos) {
        long window = state.config.coalesceWindowNanos + state.config.batchIntervalNanos;
        while (!deadlines.isEmpty() && Time.plus(deadlines.earliest(), window) < nowNanos) {
            int n = deadlines.earliestKey();
            report(Invariant.DEADLINE, n, -1, "drain of node " + state.nodes.id(n)
                    + " still set after its deadline " + Time.format(deadlines.earliest())
                    + " and the coalesce and batch windows (" + Time.format(window) + ")");
            deadlines.remove(n);
        }
        long batch = state.config.batchIntervalNanos;
        while (!doneSince.isEmpty() && Time.plus(doneSince.earliest(), batch) < nowNanos) {
            int n = doneSince.earliestKey();
            long since = doneSince.earliest();
            doneSince.remove(n);
            if (state.nodes.draining(n) && pendingNonSystem(n) < 0) {
                report(Invariant.COMPLETION_CONDITION, n, -1, "drain of node "
                        + state.nodes.id(n) + " still set although no non-system allocation "
                        + "there has been running since " + Time.format(since)
                        + " (batch interval " + Time.format(batch) + ")");
            }
        }
    }

    @Override
    public long nextDeadlineNanos() {
        long window = state.config.coalesceWindowNanos + state.config.batchIntervalNanos;
        return Math.min(Time.plus(deadlines.earliest(), window),
                Time.plus(doneSince.earliest(), state.config.batchIntervalNanos));
    }

    @Override
    public void endOfInstant(long instantNanos) {
        AllocTable allocs = state.allocs;
        for (int k = 0; k < deadlineClears.size(); k++) {
            int n = deadlineClears.getInt(k);
            // N-18: the remaining allocations of the drain that cleared, system ones unless it
            // ignored them (INV-9).
            boolean ignoreSystem = deadlineClearsIgnoreSystem.getBoolean(k);
            int unmarked = unmarked(n, ignoreSystem ? JobType.SYSTEM : null, false);
            if (unmarked >= 0) {
                report(Invariant.DEADLINE, n, allocs.id(unmarked), "drain of node "
                        + state.nodes.id(n) + " cleared at its deadline but left allocation "
                        + allocs.id(unmarked) + " unmarked");
            }
        }
        for (int k = 0; k < normalClears.size(); k++) {
            int n = normalClears.getInt(k);
            int unmarked = unmarked(n, JobType.SYSTEM, true);
            if (unmarked >= 0) {
                report(Invariant.DRAIN_FINISHING_STEP, n, allocs.id(unmarked), "drain of node "
                        + state.nodes.id(n) + " completed but left system allocation "
                        + allocs.id(unmarked) + " unmarked");
            }
        }
        deadlineClears.clear();
        deadlineClearsIgnoreSystem.clear();
        normalClears.clear();
    }

    /**
     * A non-terminal, unmarked allocation on node index {@code n}: of type {@code type} only
     * ({@code only}), or of any type but {@code type} (null: any type at all); or -1.
     */
    private int unmarked(int n, JobType type, boolean only) {
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            JobType t = state.jobs.type(allocs.job(a));
            boolean selected = type == null || (only ? t == type : t != type);
            if (selected && !allocs.terminal(a) && !allocs.migrate(a)) {
                return a;
            }
        }
        return -1;
    }

    private void report(Invariant invariant, int n, int alloc, String message) {
        state.verdicts.report(invariant, state.nodes.id(n), alloc, -1, -1, message);
    }
}
