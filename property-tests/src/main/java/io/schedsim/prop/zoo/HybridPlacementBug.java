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
 * such request; any other request is the correct policy's, after {@link #rewrite},
 * which a bug in how requests are read overrides.
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

    /** The request as the buggy policy reads it; the correct reading by default. */
    protected RayRequest rewrite(RayRequest request) {
        return request;
    }

    @Override
    public int pickNode(int preferredNode, RayRequest request) {
        RayRequest read = rewrite(request);
        return read.cpuOnlyDefault() ? pickNode(preferredNode, read.cpuMilli())
                : hybrid.pickNode(preferredNode, read);
    }

    @Override
    public int pickFeasible(int preferredNode, RayRequest request) {
        RayRequest read = rewrite(request);
        return read.cpuOnlyDefault() ? pickFeasible(preferredNode, read.cpuMilli())
                : hybrid.pickFeasible(preferredNode, read);
    }

    @Override
    public boolean anyAvailable(RayRequest request) {
        RayRequest read = rewrite(request);
        return read.cpuOnlyDefault() ? anyAvailable(read.cpuMilli())
                : hybrid.anyAvailable(read);
    }

    @Override
    public void onNodeChanged(Node node) {
        hybrid.onNodeChanged(node);
    }
}
