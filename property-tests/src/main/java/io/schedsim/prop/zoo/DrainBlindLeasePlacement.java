package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * Bug 15: a locality fast path grants the lease on the submitting (preferred) node whenever it is
 * ALIVE with the CPU free, skipping the DRAINING check the hybrid policy makes (R-17:
 * cluster_resource_scheduler.cc excludes draining nodes). Leases land on draining nodes. Breaks
 * INV-1 (Ray's half, ray.LeaseGuard).
 */
final class DrainBlindLeasePlacement extends HybridPlacementBug {
    private final StateStore state;

    DrainBlindLeasePlacement(ModelContext context) {
        super(context);
        this.state = context.state();
    }

    @Override
    public int pickNode(int preferredNode, long cpuMilli) {
        if (preferredNode >= 0 && preferredNode < state.nodeSlotCount()) {
            Node local = state.node(preferredNode);
            // The bug: READY and free CPU, but not "not draining".
            if (local.status() == NodeStatus.READY && local.cpuTotalMilli() > 0
                    && local.cpuFreeMilli() >= cpuMilli) {
                return preferredNode;
            }
        }
        return hybrid.pickNode(preferredNode, cpuMilli);
    }
}
