package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;

/**
 * The reconciler treats a failed reconnect (an allocation that was unknown and whose client
 * reports it failed as its node comes back) as any failure: already replaced while unknown, it
 * is ignored and stays desired to run, instead of being stopped (reconcile_cluster.go
 * {@code reconcileReconnecting}). It then keeps its node disconnected at every later missed
 * heartbeat, so the node never goes down (N-27). The correct model did this until chaos-swarm
 * seed 115537 left Ray work stuck on such a node. Breaks INV-15 (ReconnectGuard, N-30).
 */
final class FailedReconnectKeepingScheduler extends NomadScheduler {
    FailedReconnectKeepingScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean stopsFailedReconnect(Alloc alloc) {
        return false;
    }
}
