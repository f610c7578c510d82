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

    /** The node's usage or status changed (reserve, release, join, ready, drain, DEAD). */
    void onNodeChanged(Node node);
}
