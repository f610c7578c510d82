package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.RayHybridPolicy;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.state.Node;

/**
 * A zoo Ray placement that is the hybrid policy but for the one method its bug overrides:
 * every other pick, the free-node check and the index upkeep are the correct policy's.
 */
abstract class HybridPlacementBug implements RayPlacement {
    protected final RayHybridPolicy hybrid;

    HybridPlacementBug(ModelContext context) {
        this.hybrid = new RayHybridPolicy(context);
    }

    @Override
    public int pickNode(int preferredNode, long cpuMilli) {
        return hybrid.pickNode(preferredNode, cpuMilli);
    }

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
