package io.schedsim.monitor.nomad;

import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EvalCreated;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobType;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.EnumSet;
import java.util.Set;

/**
 * N-22 for allocations whose terminal status is split between the servers and the client, the
 * cases {@code Node.createNodeEvals} (nomad/node_endpoint.go) decides differently from "terminal
 * or not": a service allocation the servers still want running but whose client finished
 * (complete, failed, lost) asks for a node-update evaluation, since only one that is both
 * server- and client-terminal is skipped; a batch allocation the servers stopped but the client
 * still runs asks for one, since batch is skipped only when client-terminal (a drain-deadline
 * stop on a node that then goes down must be marked lost). {@code EvalGuard} judges the other
 * allocations and the system jobs; this guard owes an evaluation only where that one owes none,
 * so a missing evaluation is reported once.
 */
public final class SplitTerminalEvalGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.EVAL_CREATED,
            EventType.ELIGIBILITY_CHANGED, EventType.NODE_STATUS_CHANGED, EventType.NODE_PURGED);

    private final State state;
    private final LongOpenHashSet nodeEvals = new LongOpenHashSet();
    /** (job index, node index) owed a node-update evaluation in this instant. */
    private final LongArrayList owed = new LongArrayList();
    /** The allocation index that made each entry of {@link #owed} owed. */
    private final IntArrayList owedBy = new IntArrayList();

    public SplitTerminalEvalGuard(State state) {
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
        switch (event.type()) {
            case EVAL_CREATED -> {
                EvalCreated e = (EvalCreated) event;
                if (e.triggeredBy().equals("node-update") && state.nodeIndex >= 0) {
                    nodeEvals.add(pack(state.jobIndex, state.nodeIndex));
                }
            }
            case ELIGIBILITY_CHANGED -> {
                if (((EligibilityChanged) event).eligible()
                        && !state.nodes.eligible(state.nodeIndex)) {
                    owe(state.nodeIndex);
                }
            }
            case NODE_STATUS_CHANGED -> {
                NodeStatus next = ((NodeStatusChanged) event).status();
                if (next != state.nodes.status(state.nodeIndex)
                        && (next == NodeStatus.READY || next == NodeStatus.DOWN)) {
                    owe(state.nodeIndex);
                }
            }
            case NODE_PURGED -> owe(state.nodeIndex);
            default -> {
                // other events create no evaluation obligation
            }
        }
    }

    /** The jobs a change of node index {@code n} owes an evaluation through split allocations. */
    private void owe(int n) {
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            int j = allocs.job(a);
            if (split(a, state.jobs.type(j)) && !owedElsewhere(j, here) && !owed(j, n)) {
                owed.add(pack(j, n));
                owedBy.add(a);
            }
        }
    }

    /** Server-terminal xor client-terminal, in the direction N-22 still evaluates. */
    private boolean split(int a, JobType type) {
        boolean server = state.allocs.serverTerminal(a);
        boolean client = state.allocs.clientTerminal(a);
        return type == JobType.SERVICE ? !server && client
                : type == JobType.BATCH && server && !client;
    }

    /** EvalGuard already owes job index {@code j} here: a live service or batch allocation. */
    private boolean owedElsewhere(int j, IntArrayList here) {
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            if (state.allocs.job(a) == j && !state.allocs.terminal(a)) {
                return true;
            }
        }
        return false;
    }

    private boolean owed(int j, int n) {
        return owed.contains(pack(j, n));
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < owed.size(); k++) {
            long key = owed.getLong(k);
            if (!nodeEvals.contains(key)) {
                int j = (int) (key >>> 32);
                int n = (int) key;
                int a = owedBy.getInt(k);
                state.verdicts.report(Invariant.NODE_EVALS, state.nodes.id(n),
                        state.allocs.id(a), -1, state.jobs.id(j), "node " + state.nodes.id(n)
                                + " changed with no node-update evaluation of job "
                                + state.jobs.id(j) + " (" + state.jobs.type(j) + "), though "
                                + "allocation " + state.allocs.id(a) + " there is "
                                + state.allocs.desired(a) + "/" + state.allocs.client(a));
            }
        }
        owed.clear();
        owedBy.clear();
        nodeEvals.clear();
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | Integer.toUnsignedLong(low);
    }
}
