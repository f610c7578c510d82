package io.schedsim.monitor.nomad;

import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobType;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-8 for a drain that has nothing to drain when it is set: Nomad's node watcher
 * ({@code nomad/drainer/watch_nodes.go} {@code Update}) asks {@code IsDone} on every drain set
 * or update and completes a done node at once, marking its system allocations (N-17); it does
 * not wait for the next drainer batch. So after an accepted {@code drain-set-call} on a node
 * whose every non-system allocation is client-terminal (none at all, say), the drain is gone by
 * the end of that step. {@code DrainGuard} allows a batch interval for a node that becomes done
 * later; this guard is the stricter rule for the moment of the call. History contract
 * (docs/history.md §1.4): such a completion follows its {@code drain-set-call} in the step.
 */
public final class DoneAtSetGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.DRAIN_SET_CALL);

    private final State state;
    /** Node indices owed a completion in this step, with the call's time. */
    private final IntArrayList owed = new IntArrayList();

    public DoneAtSetGuard(State state) {
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
    public void after(HistoryEvent event) {
        int n = state.nodeIndex;
        // Without drainer-configured the history declares no Nomad drainer to judge (DrainGuard
        // skips its drain windows for the same reason and says so).
        if (state.config.drainerKnown && ((DrainSetCall) event).accepted()
                && state.nodes.draining(n) && nothingToDrain(n)
                && !owed.contains(n)) {
            owed.add(n);
        }
    }

    /** N-16: every allocation on node index {@code n} is of a system job or client-terminal. */
    private boolean nothingToDrain(int n) {
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            if (state.jobs.type(allocs.job(a)) != JobType.SYSTEM && !allocs.clientTerminal(a)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < owed.size(); k++) {
            int n = owed.getInt(k);
            if (state.nodes.draining(n)) {
                state.verdicts.report(Invariant.COMPLETION_CONDITION, state.nodes.id(n), -1, -1,
                        -1, "drain of node " + state.nodes.id(n) + " had nothing to drain when"
                                + " it was set, yet it did not complete in that step (N-17)");
            }
        }
        owed.clear();
    }
}
