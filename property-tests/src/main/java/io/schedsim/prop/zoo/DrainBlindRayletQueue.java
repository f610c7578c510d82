package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.RayHybridPolicy;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.state.Node;

/**
 * Bug: a raylet keeps the lease requests queued at it when its node begins draining, checking
 * only that the node is ALIVE, and grants them there as its CPUs free, where Ray fails them
 * fast back to their owners (R-15, ray#57834; ray#44579 is the bug "Ray schedules to nodes
 * after they are drained"). New requests still avoid the node (the hybrid policy's gate).
 * Breaks INV-1 (Ray's half, ray.LeaseGuard).
 */
final class DrainBlindRayletQueue implements RayPlacement {
    private final RayHybridPolicy hybrid;

    DrainBlindRayletQueue(ModelContext context) {
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

    /** The bug: ALIVE is enough; DRAINING (Ray or Nomad) is not looked at. */
    @Override
    public boolean grantsQueued(Node node) {
        return node.status() == NodeStatus.READY && node.cpuTotalMilli() > 0;
    }

    @Override
    public void onNodeChanged(Node node) {
        hybrid.onNodeChanged(node);
    }
}
