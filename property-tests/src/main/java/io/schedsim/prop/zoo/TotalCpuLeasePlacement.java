package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.RayHybridPolicy;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * Bug 16: a locality fast path grants the lease on the submitting (preferred) node when its total
 * CPU covers the request, comparing against the node's total instead of what is free (R-12: a
 * lease needs the resources available now). A busy node is oversubscribed. Breaks INV-17 (the
 * ledger's reservations exceed capacity).
 */
final class TotalCpuLeasePlacement implements RayPlacement {
    private final StateStore state;
    private final RayHybridPolicy hybrid;

    TotalCpuLeasePlacement(ModelContext context) {
        this.state = context.state();
        this.hybrid = new RayHybridPolicy(context);
    }

    @Override
    public int pickNode(int preferredNode, long cpuMilli) {
        if (preferredNode >= 0 && preferredNode < state.nodeSlotCount()) {
            Node local = state.node(preferredNode);
            // The bug: cpuTotalMilli where cpuFreeMilli belongs.
            if (local.isRaySchedulable() && local.cpuTotalMilli() >= cpuMilli) {
                return preferredNode;
            }
        }
        return hybrid.pickNode(preferredNode, cpuMilli);
    }

    /** Busy picks and the check for a free node are the hybrid policy's: only the fast path errs. */
    @Override
    public int pickFeasible(int preferredNode, long cpuMilli) {
        return hybrid.pickFeasible(preferredNode, cpuMilli);
    }

    @Override
    public boolean anyAvailable(long cpuMilli) {
        return hybrid.anyAvailable(cpuMilli);
    }

    @Override
    public void onNodeChanged(Node node) {
        hybrid.onNodeChanged(node);
    }
}
