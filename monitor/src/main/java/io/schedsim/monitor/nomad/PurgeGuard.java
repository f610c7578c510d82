package io.schedsim.monitor.nomad;

import io.schedsim.history.ClientStatus;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EventType;
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
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-14 for a purged node ({@code nomad node purge}, Node.Deregister). N-31: the scheduler finds
 * the node missing (scheduler/util.go {@code taintedNodes} maps it to nil), and filters.go
 * classifies its allocations "GC'd ... lost" after the expiring, disconnected and migrate rules;
 * {@code updateNonTerminalAllocsToLost} takes a gone node as a down one. So every plan of a job
 * made from a snapshot strictly after the purge, while the node had not registered again, marks
 * the job's pending or running allocations there lost by the end of its step, and an unknown
 * one too unless the servers stopped it already; an allocation marked for migration that the
 * plan stops in its step migrates instead. N-20: a deleted node is untracked by the drainer, so
 * its drain is dropped: no drain-completed and no migrate-marked for that node follow until it
 * registers again (node-status-changed ready; a fresh node with no drain), and a drain call for
 * it is rejected ("node not found": node_endpoint.go looks the node up first). INV-14 because it is
 * the lost-allocations invariant whose basis is N-20 and N-31; LossGuard leaves nodes down by a
 * purge to this guard, DrainGuard and MarkGuard their dropped drains.
 */
public final class PurgeGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.PLAN_COMMITTED,
            EventType.ALLOC_DESIRED_CHANGED, EventType.DRAIN_COMPLETED,
            EventType.MIGRATE_MARKED, EventType.DRAIN_SET_CALL, EventType.DRAIN_CANCEL_CALL);

    private final State state;
    private final IntArrayList plannedJobs = new IntArrayList();
    private final LongArrayList plannedAt = new LongArrayList();
    private final IntArrayList evals = new IntArrayList();
    /** Allocation indices marked for migration and stopped in this instant: migrated. */
    private final IntArrayList migrated = new IntArrayList();

    public PurgeGuard(State state) {
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
        NodeTable nodes = state.nodes;
        switch (state.eventType) {
            case ALLOC_DESIRED_CHANGED -> {
                if (state.allocs.migrate(state.allocIndex)
                        && !state.allocs.serverTerminal(state.allocIndex)) {
                    migrated.add(state.allocIndex);
                }
            }
            case PLAN_COMMITTED -> {
                if (!state.jobs.stopped(state.jobIndex)) {
                    plannedJobs.add(state.jobIndex);
                    plannedAt.add(((PlanCommitted) event).plannedAtNanos());
                    evals.add(((PlanCommitted) event).eval());
                }
            }
            case DRAIN_COMPLETED -> {
                int n = state.nodeIndex;
                if (nodes.purged(n)) {
                    report(n, -1, -1, "drain of node " + nodes.id(n) + " completed although "
                            + "the node was purged at " + Time.format(nodes.purgedAt(n))
                            + ": its drain was dropped with it (N-20)");
                }
            }
            case MIGRATE_MARKED -> {
                int a = state.allocIndex;
                int n = state.allocs.node(a);
                if (nodes.purged(n)) {
                    report(n, state.allocs.id(a), -1, "allocation " + state.allocs.id(a)
                            + " marked for migration on node " + nodes.id(n) + ", purged at "
                            + Time.format(nodes.purgedAt(n)) + ": the drainer untracks a "
                            + "deleted node (N-20)");
                }
            }
            case DRAIN_SET_CALL, DRAIN_CANCEL_CALL -> {
                int n = state.nodeIndex;
                boolean accepted = event instanceof DrainSetCall set ? set.accepted()
                        : ((DrainCancelCall) event).accepted();
                if (accepted && nodes.purged(n)) {
                    report(n, -1, -1, "drain call accepted for node " + nodes.id(n)
                            + ", purged at " + Time.format(nodes.purgedAt(n))
                            + ": the servers hold no such node (\"node not found\")");
                }
            }
            default -> {
                // no other event concerns a purge
            }
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

    /** Whether a plan from a snapshot at {@code snapshotNanos} found node {@code n} missing. */
    private boolean missingAt(int n, long snapshotNanos) {
        NodeTable nodes = state.nodes;
        long purgedAt = nodes.purgedAt(n);
        // Strictly after the purge (a snapshot of the same instant may precede it); and not
        // registered again by then (a registration at the snapshot's instant may precede it).
        return purgedAt != Time.NOT_YET && purgedAt < snapshotNanos
                && (nodes.purged(n) || nodes.registeredAgainAt(n) > snapshotNanos);
    }

    private void judge(int j, long snapshotNanos, int eval) {
        AllocTable allocs = state.allocs;
        NodeTable nodes = state.nodes;
        IntArrayList ofJob = state.jobs.allocs(j);
        for (int k = 0; k < ofJob.size(); k++) {
            int a = ofJob.getInt(k);
            int n = allocs.node(a);
            ClientStatus client = allocs.client(a);
            boolean live = client == ClientStatus.PENDING || client == ClientStatus.RUNNING
                    || (client == ClientStatus.UNKNOWN && !allocs.serverTerminal(a));
            if (live && !migrated.contains(a) && missingAt(n, snapshotNanos)) {
                report(n, allocs.id(a), state.jobs.id(j), "plan of eval " + eval
                        + " left allocation " + allocs.id(a) + " " + client + " on node "
                        + nodes.id(n) + ", purged at " + Time.format(nodes.purgedAt(n))
                        + " (a GC'd node's allocations are lost, N-31)");
                return;
            }
        }
    }

    private void report(int n, int alloc, int job, String message) {
        state.verdicts.report(Invariant.LOST_ALLOCS, state.nodes.id(n), alloc, -1, job, message);
    }
}
