package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;

/**
 * Bug 13: the reconciler tests "node down" before "marked for migration", so an allocation the
 * drainer marked is lost when its node goes down, where Nomad migrates it
 * (scheduler/reconciler/filters.go: "non-terminal allocs marked for migration always migrate";
 * TestServiceSched_NodeDown). The model's order before issue 12. Breaks INV-14 as N-31 orders
 * it.
 */
final class LossFirstScheduler extends NomadScheduler {
    LossFirstScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean lostFirst(Alloc alloc, Node node) {
        return alloc.migrate() && node.status() == NodeStatus.DOWN
                && !alloc.client().isTerminal();
    }
}
