package io.schedsim.model.placement;

import io.schedsim.model.state.Job;
import io.schedsim.model.state.StateView;
import java.util.BitSet;

/**
 * Ranks the nodes that can take one allocation of {@code job} and picks one: the feasibility and
 * ranking step of Nomad's scheduler (scheduler/stack.go), called by the reconciler for every
 * placement it plans.
 *
 * <p>Contract: candidates are only Ready nodes (Nomad's readyNodesInDCsAndPool) that meet the
 * job's constraints ({@link io.schedsim.model.job.ConstraintChecker}, N-35), are not taken under
 * its distinct_hosts ({@link DistinctHosts}), and on which the job fits counting what the current
 * plan already added ({@code plannedCpuMilli}, {@code plannedMemMb}, indexed by slot). The answer
 * is a node slot, or -1 if no node can take it (the evaluation then blocks until capacity
 * changes). Implementations read the state only, are deterministic and break ties by slot. The
 * plan applier re-checks the gate at commit (N-23), not the constraints (plan_apply.go does not),
 * and the state store checks both at placement (INV-1), so a wrong policy is caught at the
 * placement it made.
 */
public interface PlacementPolicy {
    /**
     * The slot for one more allocation of {@code job}, or -1.
     *
     * @param state the servers' state as the plan sees it
     * @param plannedCpuMilli CPU this plan already placed per slot; at least nodeSlotCount long
     * @param plannedMemMb memory this plan already placed per slot
     */
    int pick(Job job, StateView state, long[] plannedCpuMilli, long[] plannedMemMb);

    /**
     * As {@link #pick(Job, StateView, long[], long[])}, told also the slots where this plan
     * already placed an allocation of {@code job} ({@code plannedSlots}, read-only), which
     * distinct_hosts counts as taken. The scheduler calls this one; a policy that keeps the
     * default ignores the plan's own placements and may put two on one node in one plan.
     */
    default int pick(Job job, StateView state, long[] plannedCpuMilli, long[] plannedMemMb,
            BitSet plannedSlots) {
        return pick(job, state, plannedCpuMilli, plannedMemMb);
    }
}
