package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * Bug 16: a locality fast path grants the lease on the submitting (preferred) node when its total
 * CPU covers the request, comparing against the node's total instead of what is free (R-12: a
 * lease needs the resources available now). A busy node is oversubscribed. Breaks INV-17 (the
 * ledger's reservations exceed capacity).
 */
final class TotalCpuLeasePlacement extends HybridPlacementBug {
    private final StateStore state;

    TotalCpuLeasePlacement(ModelContext context) {
        super(context);
        this.state = context.state();
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
}
