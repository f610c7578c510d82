package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Guard;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-18 for allocations and nodes: desired stop or evict never returns to run; complete and
 * failed client statuses never change and lost may only become complete (N-30); under a Ray
 * detector a DEAD node never comes back (a restarted raylet joins under a new id, §2.1).
 */
public final class TransitionGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.ALLOC_DESIRED_CHANGED, EventType.ALLOC_CLIENT_CHANGED,
            EventType.NODE_STATUS_CHANGED);

    private final State state;

    public TransitionGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (event instanceof AllocDesiredChanged e) {
            if (state.allocs.serverTerminal(state.allocIndex) && e.desired() == DesiredStatus.RUN) {
                report(e.alloc(), "allocation " + e.alloc() + " desired "
                        + state.allocs.desired(state.allocIndex) + " returned to RUN");
            }
        } else if (event instanceof AllocClientChanged e) {
            ClientStatus from = state.allocs.client(state.allocIndex);
            ClientStatus to = e.client();
            boolean allowed = from == to
                    || (from == ClientStatus.LOST ? to == ClientStatus.COMPLETE
                    : from != ClientStatus.COMPLETE && from != ClientStatus.FAILED);
            if (!allowed) {
                report(e.alloc(), "allocation " + e.alloc() + " client status " + from
                        + " became " + to);
            }
        } else if (event instanceof NodeStatusChanged e && state.config.rayDetector()
                && state.nodes.down(state.nodeIndex) && e.status() != NodeStatus.DOWN) {
            state.verdicts.report(Invariant.MONOTONIC_STATES, e.node(), -1, -1, -1, "DEAD Ray "
                    + "node " + e.node() + " became " + e.status());
        }
    }

    private void report(int alloc, String message) {
        int a = state.allocIndex;
        state.verdicts.report(Invariant.MONOTONIC_STATES, state.nodes.id(state.allocs.node(a)),
                alloc, -1, state.jobs.id(state.allocs.job(a)), message);
    }
}
