package io.schedsim.monitor.nomad;

import io.schedsim.history.ClientStatus;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-14: once a node is down, the next plan committed for a job with allocations there marks
 * every one of them still pending or running lost (N-20, N-31, N-32), by the end of the commit's
 * step; an unknown one too unless the servers stopped it already: Nomad leaves a stopped,
 * unknown allocation as it is (scheduler/util.go {@code updateNonTerminalAllocsToLost} takes
 * stopped ones only while pending or running; reconcile_cluster.go {@code computeGroup} drops
 * server-terminal allocations with {@code filterServerTerminalAllocs} before classifying them;
 * chaos-swarm seed 374). Only plans made from a snapshot in which the node was already down are held to it, since
 * a plan made earlier cannot know (the plan applier commits a stale plan as it is, N-23): a
 * snapshot strictly after the node went down, for one taken at the same instant may have been
 * taken before it (order within an instant is free, docs/history.md §1.4). An allocation marked
 * for migration that the plan stops in its step is migrated instead ("marked for migration always
 * migrate", N-31); a later plan finds it stopped but running and loses it.
 */
public final class LossGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.PLAN_COMMITTED,
            EventType.ALLOC_DESIRED_CHANGED);

    private final State state;
    private final IntArrayList plannedJobs = new IntArrayList();
    private final LongArrayList plannedAt = new LongArrayList();
    private final IntArrayList evals = new IntArrayList();
    /** Allocation indices marked for migration and stopped in this instant: migrated. */
    private final IntArrayList migrated = new IntArrayList();

    public LossGuard(State state) {
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
        if (event.type() == EventType.ALLOC_DESIRED_CHANGED) {
            if (state.allocs.migrate(state.allocIndex)
                    && !state.allocs.serverTerminal(state.allocIndex)) {
                migrated.add(state.allocIndex);
            }
            return;
        }
        if (event instanceof PlanCommitted e && !state.jobs.stopped(state.jobIndex)) {
            plannedJobs.add(state.jobIndex);
            plannedAt.add(e.plannedAtNanos());
            evals.add(e.eval());
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < plannedJobs.size(); k++) {
            judge(plannedJobs.getInt(k), plannedAt.getLong(k), evals.getInt(k));
        }
        plannedJobs.clear();
        plannedAt.clear();
        evals.clear();
        migrated.clear();
    }

    private void judge(int j, long snapshotNanos, int eval) {
        AllocTable allocs = state.allocs;
        NodeTable nodes = state.nodes;
        IntArrayList ofJob = state.jobs.allocs(j);
        for (int k = 0; k < ofJob.size(); k++) {
            int a = ofJob.getInt(k);
            int n = allocs.node(a);
            ClientStatus client = allocs.client(a);
            // An unknown one only while the servers still want it: once stopped, neither
            // updateNonTerminalAllocsToLost (pending or running only) nor the reconciler
            // (filterServerTerminalAllocs drops it before classifying) touches it.
            boolean live = client == ClientStatus.PENDING || client == ClientStatus.RUNNING
                    || (client == ClientStatus.UNKNOWN && !allocs.serverTerminal(a));
            // A node down by its purge is PurgeGuard's (N-31's GC'd rule).
            boolean byPurge = nodes.purged(n) && nodes.downAt(n) == nodes.purgedAt(n);
            if (live && nodes.down(n) && !byPurge && nodes.downAt(n) < snapshotNanos
                    && !migrated.contains(a)) {
                state.verdicts.report(Invariant.LOST_ALLOCS, nodes.id(n), allocs.id(a), -1,
                        state.jobs.id(j), "plan of eval " + eval + " left allocation "
                                + allocs.id(a) + " " + client + " on node " + nodes.id(n)
                                + ", down since " + Time.format(nodes.downAt(n)));
                return;
            }
        }
    }
}
