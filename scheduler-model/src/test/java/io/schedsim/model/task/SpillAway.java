package io.schedsim.model.task;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;

/**
 * A test placement that puts every lease on the first schedulable worker that is not the owner's
 * node, so a child never shares its parent's node and outlives it when that node dies.
 */
final class SpillAway implements RayPlacement {
    private final StateView state;

    SpillAway(ModelContext context) {
        this.state = context.state();
    }

    @Override
    public int pickNode(int preferredNode, long cpuMilli) {
        for (int slot = 1; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (slot != preferredNode && node.isRaySchedulable()
                    && node.cpuFreeMilli() >= cpuMilli) {
                return slot;
            }
        }
        return -1;
    }

    @Override
    public void onNodeChanged(Node node) {}
}
