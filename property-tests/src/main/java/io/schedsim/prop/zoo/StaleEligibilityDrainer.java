package io.schedsim.prop.zoo;

import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.state.Node;
import it.unimi.dsi.fastutil.booleans.BooleanArrayList;

/**
 * Bug 1: the drainer keeps a lagging view of each node (refreshed on its passes, not when a drain
 * starts) and finishes a drain by writing the node back from that view, eligibility included —
 * clobbering the drain's own ineligibility and any concurrent flip. Breaks INV-3.
 */
final class StaleEligibilityDrainer extends NomadDrainer {
    private final BooleanArrayList eligibleSeen = new BooleanArrayList();

    StaleEligibilityDrainer(ModelContext context) {
        super(context);
    }

    private void refresh() {
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            if (slot == eligibleSeen.size()) {
                eligibleSeen.add(true);
            }
            if (!state.node(slot).draining()) {
                eligibleSeen.set(slot, state.node(slot).eligible());
            }
        }
    }

    @Override
    protected void pass() {
        refresh();
        super.pass();
    }

    @Override
    protected void finishNode(Node node) {
        refresh();
        boolean stale = eligibleSeen.getBoolean(node.slot());
        super.finishNode(node);
        state.setEligibility(node, stale, EligibilitySource.DRAIN_COMPLETE);
    }
}
