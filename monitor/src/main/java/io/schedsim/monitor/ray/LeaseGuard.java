package io.schedsim.monitor.ray;

import io.schedsim.history.HistoryEvent;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.LeaseSpillback;
import io.schedsim.history.NodeStatus;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.TaskTable;
import io.schedsim.history.EventType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Worker leases. INV-1 for Ray: a lease goes only to a node that is ALIVE (ready), not
 * DRAINING and feasible in the monitor's own view: its total CPU covers the lease, and its total
 * memory and custom resource cover what the task asks (task-placement-configured, R-12, R-14;
 * Ray's {@code IsFeasible} reads totals, what others hold is INV-17's); a node
 * that died but is not yet declared DEAD still counts as alive, as the servers cannot know.
 * INV-22: a lease request spills back at most once. The guard follows each attempt's
 * request itself: a {@code lease-spillback} from the node the same attempt was last redirected
 * to, with no grant between, is the redirected raylet redirecting again (depth 2). A request
 * failed back to its owner (rejected, or queued at a node that died or began draining) starts
 * again at the owner's raylet, so its next spillback comes from elsewhere and counts from 1.
 * A grant whose own {@code spillbacks} field exceeds 1 fires too.
 */
public final class LeaseGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.LEASE_GRANTED,
            EventType.LEASE_SPILLBACK);
    private static final int NONE = -1;

    private final State state;
    /** Per task index: the node its current attempt's request was last redirected to, or -1. */
    private int[] redirectedTo = new int[0];
    /** Per task index: the attempt {@link #redirectedTo} belongs to. */
    private int[] redirectedAttempt = new int[0];

    public LeaseGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (event instanceof LeaseSpillback s) {
            spilled(s);
            return;
        }
        if (!(event instanceof LeaseGranted e)) {
            return;
        }
        int t = state.taskIndex;
        if (t >= 0 && t < redirectedTo.length) {
            redirectedTo[t] = NONE;
        }
        NodeTable nodes = state.nodes;
        int n = state.nodeIndex;
        String why = nodes.status(n) != NodeStatus.READY ? "status " + nodes.status(n)
                : nodes.draining(n) ? "draining"
                : nodes.rayDraining(n) ? "DRAINING (Ray drain)"
                : nodes.cpuMilli(n) < e.cpuMilli() ? "infeasible: " + nodes.cpuMilli(n)
                        + " mCPU total for " + e.cpuMilli() + " requested"
                : t >= 0 ? beyondCpu(t, n)
                : null;
        if (why != null) {
            state.verdicts.report(Invariant.PLACEMENT_GATE, e.node(), -1, e.task(), -1,
                    "lease for attempt " + e.attempt() + " of task " + e.task() + " granted on"
                            + " node " + e.node() + " (" + why + ")");
        }
        if (e.spillbacks() > 1) {
            state.verdicts.report(Invariant.SPILLBACK_DEPTH, e.node(), -1, e.task(), -1,
                    "lease for attempt " + e.attempt() + " of task " + e.task() + " granted "
                            + "after " + e.spillbacks() + " spillbacks");
        }
    }

    /** Why node index n cannot take task t's memory or custom resource, or null if it can. */
    private String beyondCpu(int t, int n) {
        TaskTable tasks = state.tasks;
        NodeTable nodes = state.nodes;
        if (nodes.memMb(n) < tasks.memMb(t)) {
            return "infeasible: " + nodes.memMb(n) + " MiB total for " + tasks.memMb(t)
                    + " requested";
        }
        int r = tasks.resource(t);
        long total = state.resources.capacityMilli(r, n);
        if (r >= 0 && total < tasks.resourceMilli(t)) {
            return "infeasible: " + total + " milli " + state.resources.name(r) + " total for "
                    + tasks.resourceMilli(t) + " requested";
        }
        return null;
    }

    private void spilled(LeaseSpillback s) {
        int t = state.taskIndex;
        if (t < 0) {
            return;
        }
        if (t >= redirectedTo.length) {
            int n = Math.max(t + 1, redirectedTo.length * 2);
            int old = redirectedTo.length;
            redirectedTo = Arrays.copyOf(redirectedTo, n);
            redirectedAttempt = Arrays.copyOf(redirectedAttempt, n);
            Arrays.fill(redirectedTo, old, n, NONE);
        }
        if (redirectedTo[t] == s.fromNode() && redirectedAttempt[t] == s.attempt()) {
            state.verdicts.report(Invariant.SPILLBACK_DEPTH, s.toNode(), -1, s.task(), -1,
                    "lease request for attempt " + s.attempt() + " of task " + s.task()
                            + " redirected again by node " + s.fromNode() + " (to node "
                            + s.toNode() + "), which it had been redirected to");
        }
        redirectedTo[t] = s.toNode();
        redirectedAttempt[t] = s.attempt();
    }
}
