package io.schedsim.model.placement;

import io.schedsim.model.state.Node;

/**
 * Chooses the node for a Ray task lease. The contract: {@link #pickNode} returns a
 * slot that is schedulable in the server's view (ALIVE, not DRAINING) and can take
 * {@code cpuMilli} now, or -1 when no node can (the task then waits in the pending queue, R-14).
 * The workload checks the first half at every grant (INV-1), so a wrong implementation is caught at
 * the lease it made. {@link #onNodeChanged} is called whenever a node's usage or status changes,
 * including when it joins; implementations keep their indexes current there.
 */
public interface RayPlacement {
    /** The slot for a request of {@code cpuMilli} submitted from {@code preferredNode}, or -1. */
    int pickNode(int preferredNode, long cpuMilli);

    /**
     * R-12's second tier: when no node can take the request now, the feasible node (schedulable,
     * total CPU ≥ the request) where it should queue, or -1 if none is feasible. Same
     * contract on the gate as {@link #pickNode}. The default queues nowhere: the request waits
     * at its owner until a node can take it (the model before raylet queues).
     */
    default int pickFeasible(int preferredNode, long cpuMilli) {
        return -1;
    }

    /**
     * True if {@link #pickNode} would find a node now; must draw nothing. The default answers
     * true, which only costs the caller a look at its queued requests.
     */
    default boolean anyAvailable(long cpuMilli) {
        return true;
    }

    /**
     * Where the raylet on {@code slot}, which received a request another raylet redirected to
     * it, sends that request: {@code slot} itself, to grant it or queue it there (R-13: a
     * redirected request is never redirected again, INV-22), which is the only right answer.
     * A component may answer another node to model a raylet that spills twice (a zoo bug).
     */
    default int redirectedTo(int slot, long cpuMilli) {
        return slot;
    }

    /**
     * The raylet-side gate: whether the node's raylet may still grant the leases queued
     * there. A node that is not ALIVE in the server's view or is DRAINING may not: its queued
     * requests are failed back to their owners (R-15, ray#57834). A component may answer
     * otherwise to model a raylet that keeps them (a zoo bug).
     */
    default boolean grantsQueued(Node node) {
        return node.isRaySchedulable();
    }

    /**
     * {@link #pickNode(int, long)} for a request with memory, a custom resource or a strategy
     * a schedulable node where the request is available now, or -1. For a hard
     * NODE_AFFINITY whose target cannot be used, -1 from this and {@link #pickFeasible(int,
     * RayRequest)} makes the owner fail the task TASK_UNSCHEDULABLE. The default serves CPU only
     * by the CPU methods; the workload's online checks flag a lease that breaks the rest (INV-1,
     * R-14), so a policy written before requests had shapes is caught where it falls short.
     */
    default int pickNode(int preferredNode, RayRequest request) {
        return pickNode(preferredNode, request.cpuMilli());
    }

    /** {@link #pickFeasible(int, long)} for a request of any shape and strategy. */
    default int pickFeasible(int preferredNode, RayRequest request) {
        return pickFeasible(preferredNode, request.cpuMilli());
    }

    /** {@link #anyAvailable(long)} for a request of any shape and strategy; draws nothing. */
    default boolean anyAvailable(RayRequest request) {
        return anyAvailable(request.cpuMilli());
    }

    /** {@link #redirectedTo(int, long)} for a request of any shape and strategy. */
    default int redirectedTo(int slot, RayRequest request) {
        return redirectedTo(slot, request.cpuMilli());
    }

    /** The node's usage or status changed (reserve, release, join, ready, drain, DEAD). */
    void onNodeChanged(Node node);
}
