package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;

/**
 * Bug: a raylet keeps the lease requests queued at it when its node begins draining, checking
 * only that the node is ALIVE, and grants them there as its CPUs free, where Ray fails them
 * fast back to their owners (R-15, ray#57834; ray#44579 is the bug "Ray schedules to nodes
 * after they are drained"). New requests still avoid the node (the hybrid policy's gate).
 * Breaks INV-1 (Ray's half, ray.LeaseGuard).
 */
final class DrainBlindRayletQueue extends HybridPlacementBug {
    DrainBlindRayletQueue(ModelContext context) {
        super(context);
    }

    /** The bug: ALIVE is enough; DRAINING (Ray or Nomad) is not looked at. */
    @Override
    public boolean grantsQueued(Node node) {
        return node.status() == NodeStatus.READY && node.cpuTotalMilli() > 0;
    }
}
