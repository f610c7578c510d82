package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.RayRequest;
import io.schedsim.model.placement.RayStrategy;

/**
 * Zoo bug: a hard NodeAffinity is served as a soft one, so when its target dies, drains
 * or can never fit the request, the hybrid policy places it on another node instead of the
 * owner failing the task TASK_UNSCHEDULABLE. Ray's node_affinity_scheduling_policy.cc falls
 * back only when {@code soft} is set.
 */
final class HardAffinityFallbackPlacement extends HybridPlacementBug {
    HardAffinityFallbackPlacement(ModelContext context) {
        super(context);
    }

    @Override
    protected RayRequest rewrite(RayRequest request) {
        if (request.strategy() != RayStrategy.NODE_AFFINITY || request.soft()) {
            return request;
        }
        return new RayRequest(request.cpuMilli(), request.memMb(), request.resource(),
                request.resourceMilli(), request.strategy(), request.targetSlot(), true);
    }
}
