package io.schedsim.model.placement;

import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.StateView;
import java.util.BitSet;

/**
 * Nomad's {@code DistinctHostsIterator} (nomad:scheduler/feasible/feasible.go
 * {@code satisfiesDistinctHosts}): with distinct_hosts in force a node is infeasible for a group
 * that already has a proposed allocation there, that is a non-terminal one in the state
 * (alloc.go TerminalStatus: desired stop or evict, or client complete, failed or lost) or one the
 * plan being built places there ({@code EvalContext.ProposedAllocs}). The plan's own stops are not
 * subtracted: no plan of the model stops an allocation of a group and places one of the same group
 * on that node (its nodes are draining, down or disconnected, none Ready), so nothing differs.
 */
public final class DistinctHosts {
    /** The answer without distinct_hosts: shared, so callers only read what they get. */
    private static final BitSet NONE_TAKEN = new BitSet();

    private DistinctHosts() {}

    /**
     * The slots {@code job} may not use under distinct_hosts: where it has a non-terminal
     * allocation, or where this plan places one ({@code plannedSlots}). Empty when the job has no
     * distinct_hosts constraint. The caller reads the answer and never changes it.
     */
    public static BitSet taken(Job job, StateView state, BitSet plannedSlots) {
        if (!job.distinctHosts()) {
            return NONE_TAKEN;
        }
        BitSet taken = new BitSet();
        taken.or(plannedSlots);
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() == job && !alloc.isTerminal()) {
                taken.set(alloc.node());
            }
        }
        return taken;
    }
}
