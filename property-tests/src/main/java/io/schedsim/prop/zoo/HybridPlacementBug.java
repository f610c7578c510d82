package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.RayHybridPolicy;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.placement.RayRequest;
import io.schedsim.model.state.Node;

/**
 * A zoo Ray placement that is the hybrid policy but for the one method its bug overrides:
 * every other pick, the free-node check and the index upkeep are the correct policy's. A request
 * of CPU only under DEFAULT goes to the CPU methods, so that a bug in one of them is met by every
 * such request; any other request is the correct policy's unless a bug overrides
 * the request methods too.
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
    public int pickNode(int preferredNode, RayRequest request) {
        return request.cpuOnlyDefault() ? pickNode(preferredNode, request.cpuMilli())
                : hybrid.pickNode(preferredNode, request);
    }

    @Override
    public int pickFeasible(int preferredNode, RayRequest request) {
        return request.cpuOnlyDefault() ? pickFeasible(preferredNode, request.cpuMilli())
                : hybrid.pickFeasible(preferredNode, request);
    }

    @Override
    public boolean anyAvailable(RayRequest request) {
        return request.cpuOnlyDefault() ? anyAvailable(request.cpuMilli())
                : hybrid.anyAvailable(request);
    }

    @Override
    public void onNodeChanged(Node node) {
        hybrid.onNodeChanged(node);
    }
}
