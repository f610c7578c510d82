package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.RayRequest;

/**
 * Zoo bug: the policy ranks nodes by CPU and memory but never looks at custom
 * resources, so a request for one is sent to a node that has none of it. The raylet there
 * cannot grant it at once and queues it; when the policy, run again at that raylet, calls it
 * the best place, the lease is granted where the resource does not exist (INV-1, and INV-17 for
 * the reservation). Ray's {@code IsFeasible} and {@code IsAvailable} compare every resource.
 */
final class ResourceBlindPlacement extends HybridPlacementBug {
    ResourceBlindPlacement(ModelContext context) {
        super(context);
    }

    @Override
    protected RayRequest rewrite(RayRequest request) {
        return new RayRequest(request.cpuMilli(), request.memMb(), "", 0, request.strategy(),
                request.targetSlot(), request.soft());
    }
}
