package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-15 (N-30), a failed reconnect: an allocation the servers had unknown whose client then
 * reports it failed, still desired to run, is stopped by the first plan of its job made from a
 * snapshot taken after that report (reconciler/filters.go: "failed allocs that need to
 * reconnect" come first; reconcile_cluster.go {@code reconcileReconnecting} stops them). Kept
 * desired to run, it holds its node disconnected at every later missed heartbeat (N-27), so the
 * node never goes down. Judged at the end of the plan's instant, once its stops are in.
 */
public final class ReconnectGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ALLOC_CLIENT_CHANGED,
            EventType.ALLOC_DESIRED_CHANGED, EventType.PLAN_COMMITTED);

    private final State state;
    /** Failed reconnects not yet stopped: allocation index and when the failure was reported. */
    private final IntArrayList failed = new IntArrayList();
    private final LongArrayList failedAtNanos = new LongArrayList();
    /** Of {@link #failed}, those a plan committed this instant had to stop; -1 entries none. */
    private final LongArrayList dueSnapshotNanos = new LongArrayList();
    private final IntArrayList dueEvals = new IntArrayList();

    public ReconnectGuard(State state) {
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
        switch (state.eventType) {
            case ALLOC_CLIENT_CHANGED -> onClient((AllocClientChanged) event);
            case ALLOC_DESIRED_CHANGED -> forget(state.allocIndex);
            case PLAN_COMMITTED -> onPlan((PlanCommitted) event);
            default -> {
                // no other event is judged here
            }
        }
    }

    private void onClient(AllocClientChanged e) {
        int a = state.allocIndex;
        AllocTable allocs = state.allocs;
        if (e.client() == ClientStatus.FAILED && allocs.client(a) == ClientStatus.UNKNOWN
                && allocs.desired(a) == DesiredStatus.RUN) {
            failed.add(a);
            failedAtNanos.add(e.atNanos());
            dueSnapshotNanos.add(-1);
            dueEvals.add(-1);
        }
    }

    private void onPlan(PlanCommitted e) {
        int j = state.jobIndex;
        for (int k = 0; k < failed.size(); k++) {
            if (state.allocs.job(failed.getInt(k)) == j && dueSnapshotNanos.getLong(k) < 0
                    && e.plannedAtNanos() > failedAtNanos.getLong(k)) {
                dueSnapshotNanos.set(k, e.plannedAtNanos());
                dueEvals.set(k, e.eval());
            }
        }
    }

    private void forget(int a) {
        int k = failed.indexOf(a);
        if (k >= 0) {
            failed.removeInt(k);
            failedAtNanos.removeLong(k);
            dueSnapshotNanos.removeLong(k);
            dueEvals.removeInt(k);
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < failed.size(); ) {
            if (dueSnapshotNanos.getLong(k) < 0) {
                k++;
                continue;
            }
            int a = failed.getInt(k);
            AllocTable allocs = state.allocs;
            state.verdicts.report(Invariant.DISCONNECT, state.nodes.id(allocs.node(a)),
                    allocs.id(a), -1, state.jobs.id(allocs.job(a)), "allocation "
                            + allocs.id(a) + " failed on reconnect at "
                            + Time.format(failedAtNanos.getLong(k)) + " but the plan of eval "
                            + dueEvals.getInt(k) + " (snapshot at "
                            + Time.format(dueSnapshotNanos.getLong(k))
                            + ") kept it desired to run: a failed reconnect is stopped (N-30)");
            forget(a);
        }
    }
}
