package io.schedsim.model.placement;

import io.schedsim.model.state.Job;
import io.schedsim.model.state.StateView;

/**
 * Ranks the nodes that can take one allocation of {@code job} and picks one: the feasibility and
 * ranking step of Nomad's scheduler (scheduler/stack.go), called by the reconciler for every
 * placement it plans.
 *
 * <p>Contract: candidates are only Ready nodes (Nomad's readyNodesInDCsAndPool) on which the job
 * fits counting what the current plan already added ({@code plannedCpuMilli}, {@code
 * plannedMemMb}, indexed by slot). The answer is a node slot, or -1 if no node can take it (the
 * evaluation then blocks until capacity changes). Implementations read the state only, are
 * deterministic and break ties by slot. The plan applier re-checks the gate at commit (N-23) and
 * the state store at placement (INV-1), so a wrong policy is caught at the placement it made.
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
}
