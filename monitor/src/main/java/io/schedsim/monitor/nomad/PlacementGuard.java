package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocPlaced;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-1 for allocations: a new allocation goes only to a node that is Ready in the monitor's own
 * view (status ready, no drain, eligible; SEMANTICS §2.1, N-23), built from the node's status,
 * eligibility and drain events, never from a flag of the model's. Stops and in-place updates are
 * not placements and may target any node.
 */
public final class PlacementGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ALLOC_PLACED);

    private final State state;

    public PlacementGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (state.eventType != EventType.ALLOC_PLACED) {
            return;
        }
        int n = state.nodeIndex;
        NodeTable nodes = state.nodes;
        if (!nodes.ready(n)) {
            AllocPlaced e = (AllocPlaced) event;
            state.verdicts.report(Invariant.PLACEMENT_GATE, e.node(), e.alloc(), -1, e.job(),
                    "allocation " + e.alloc() + " placed on node " + e.node()
                            + ", which is not Ready (status " + nodes.status(n) + ", eligible "
                            + nodes.eligible(n) + ", draining " + nodes.draining(n) + ")");
        }
    }
}
