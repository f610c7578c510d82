package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocPlaced;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobConstraintConfigured;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Constraints;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-1 with N-35's feasibility: a new allocation goes only to a node that meets every
 * constraint of its group (Nomad's ConstraintChecker, read by the monitor's own
 * {@link Constraints} from node-attribute-set and job-constraint-configured), and, when the group
 * has distinct_hosts, to a node holding none of the group's non-terminal allocations (Nomad's
 * DistinctHostsIterator; terminal as alloc.go TerminalStatus: desired stop or evict, or client
 * complete, failed or lost). A plan's stops are committed before its placements, so an allocation
 * the same plan stops no longer counts.
 */
public final class ConstraintGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ALLOC_PLACED);

    private final State state;

    public ConstraintGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        AllocPlaced e = (AllocPlaced) event;
        int j = state.jobIndex;
        int n = state.nodeIndex;
        Constraints constraints = state.constraints;
        JobConstraintConfigured failed = constraints.firstFailed(j, n);
        if (failed != null) {
            state.verdicts.report(Invariant.PLACEMENT_GATE, e.node(), e.alloc(), -1, e.job(),
                    "allocation " + e.alloc() + " of job " + e.job() + " placed on node "
                            + e.node() + " (attributes " + constraints.attributesOf(n)
                            + "), which fails its constraint " + failed.leftTarget() + " "
                            + failed.operator() + " " + failed.rightTarget());
        }
        if (!constraints.distinctHosts(j)) {
            return;
        }
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            if (allocs.job(a) == j && !allocs.terminal(a)) {
                state.verdicts.report(Invariant.PLACEMENT_GATE, e.node(), e.alloc(), -1,
                        e.job(), "allocation " + e.alloc() + " of job " + e.job()
                                + " placed on node " + e.node() + " beside its allocation "
                                + allocs.id(a) + ", breaking distinct_hosts");
                return;
            }
        }
    }
}
