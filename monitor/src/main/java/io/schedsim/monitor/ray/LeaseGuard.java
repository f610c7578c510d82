package io.schedsim.monitor.ray;

import io.schedsim.history.HistoryEvent;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.NodeStatus;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Worker leases. INV-1 for Ray: a lease goes only to a node that is ALIVE (ready), not
 * DRAINING and feasible (its total CPU covers the request) in the monitor's own view; a node
 * that died but is not yet declared DEAD still counts as alive, as the servers cannot know.
 * INV-22: a lease request spills back at most once.
 */
public final class LeaseGuard implements Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.LEASE_GRANTED);

    private final State state;

    public LeaseGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (!(event instanceof LeaseGranted e)) {
            return;
        }
        NodeTable nodes = state.nodes;
        int n = state.nodeIndex;
        String why = nodes.status(n) != NodeStatus.READY ? "status " + nodes.status(n)
                : nodes.draining(n) ? "draining"
                : nodes.rayDraining(n) ? "DRAINING (Ray drain)"
                : nodes.cpuMilli(n) < e.cpuMilli() ? "infeasible: " + nodes.cpuMilli(n)
                        + " mCPU total for " + e.cpuMilli() + " requested"
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
}
