package io.schedsim.monitor.nomad;

import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EvalCreated;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobType;
import io.schedsim.history.MigrateMarked;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.JobTable;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Evaluations that must accompany a change in the same step. N-19: a drain mark comes with a
 * {@code node-drain} evaluation of the mark's job. N-22 (and N-28's transitions): a node turning
 * eligible, ready or down, or purged (Node.Deregister), gets a {@code node-update} evaluation
 * for every non-stopped system job and for every job with an allocation there that still needs
 * one (service unless client-terminal, batch unless terminal, never sysbatch) — the
 * evaluations whose absence left system allocations unplaced in nomad#27499.
 */
public final class EvalGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.MIGRATE_MARKED, EventType.EVAL_CREATED, EventType.ELIGIBILITY_CHANGED,
            EventType.NODE_STATUS_CHANGED, EventType.NODE_PURGED);

    private final State state;
    private final IntOpenHashSet drainEvalJobs = new IntOpenHashSet();
    private final LongOpenHashSet nodeEvals = new LongOpenHashSet();
    /** (job index, alloc id) of marks in this instant. */
    private final LongArrayList marks = new LongArrayList();
    /** (job index, node index) pairs owed a node-update evaluation in this instant. */
    private final LongArrayList owed = new LongArrayList();
    private final IntArrayList owedWhy = new IntArrayList();

    public EvalGuard(State state) {
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
            case MIGRATE_MARKED -> marks.add(pack(state.jobIndex, ((MigrateMarked) event).alloc()));
            case EVAL_CREATED -> {
                EvalCreated e = (EvalCreated) event;
                if (e.triggeredBy().equals("node-drain")) {
                    drainEvalJobs.add(state.jobIndex);
                } else if (e.triggeredBy().equals("node-update") && state.nodeIndex >= 0) {
                    nodeEvals.add(pack(state.jobIndex, state.nodeIndex));
                }
            }
            case ELIGIBILITY_CHANGED -> {
                if (((EligibilityChanged) event).eligible()
                        && !state.nodes.eligible(state.nodeIndex)) {
                    owe(state.nodeIndex, 0);
                }
            }
            case NODE_STATUS_CHANGED -> {
                NodeStatus next = ((NodeStatusChanged) event).status();
                NodeStatus now = state.nodes.status(state.nodeIndex);
                if (next != now && (next == NodeStatus.READY || next == NodeStatus.DOWN)) {
                    owe(state.nodeIndex, next == NodeStatus.READY ? 1 : 2);
                }
            }
            // Node.Deregister creates the node's evaluations (node_endpoint.go createNodeEvals).
            case NODE_PURGED -> owe(state.nodeIndex, 3);
            default -> {
                // other events create no evaluation obligation
            }
        }
    }

    /** N-22: which jobs the transition of node index {@code n} owes an evaluation. */
    private void owe(int n, int why) {
        JobTable jobs = state.jobs;
        AllocTable allocs = state.allocs;
        for (int j = 0; j < jobs.count(); j++) {
            if (jobs.type(j) == JobType.SYSTEM && !jobs.stopped(j)) {
                owed.add(pack(j, n));
                owedWhy.add(why);
            }
        }
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            int j = allocs.job(a);
            JobType type = jobs.type(j);
            boolean needs = type == JobType.SERVICE ? !allocs.clientTerminal(a)
                    : type == JobType.BATCH && !allocs.terminal(a);
            if (needs && !owedAlready(j, n)) {
                owed.add(pack(j, n));
                owedWhy.add(why);
            }
        }
    }

    private boolean owedAlready(int j, int n) {
        long key = pack(j, n);
        for (int k = 0; k < owed.size(); k++) {
            if (owed.getLong(k) == key) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < marks.size(); k++) {
            int j = (int) (marks.getLong(k) >>> 32);
            if (!drainEvalJobs.contains(j)) {
                int alloc = (int) marks.getLong(k);
                state.verdicts.report(Invariant.DRAIN_EVALS, -1, alloc, -1, state.jobs.id(j),
                        "drain marked allocation " + alloc + " of job " + state.jobs.id(j)
                                + " with no node-drain evaluation of the job in the same step");
                drainEvalJobs.add(j);
            }
        }
        for (int k = 0; k < owed.size(); k++) {
            long key = owed.getLong(k);
            if (!nodeEvals.contains(key)) {
                int j = (int) (key >>> 32);
                int n = (int) key;
                String why = owedWhy.getInt(k) == 0 ? "turned eligible"
                        : owedWhy.getInt(k) == 1 ? "turned ready"
                        : owedWhy.getInt(k) == 2 ? "went down" : "was purged";
                state.verdicts.report(Invariant.NODE_EVALS, state.nodes.id(n), -1, -1,
                        state.jobs.id(j), "node " + state.nodes.id(n) + " " + why
                                + " with no node-update evaluation of job "
                                + state.jobs.id(j) + " (" + state.jobs.type(j) + ")");
                nodeEvals.add(key);
            }
        }
        marks.clear();
        owed.clear();
        owedWhy.clear();
        if (!drainEvalJobs.isEmpty()) {
            drainEvalJobs.clear();
        }
        if (!nodeEvals.isEmpty()) {
            nodeEvals.clear();
        }
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | Integer.toUnsignedLong(low);
    }
}
