package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Node;

/**
 * A purged node's allocations are kept: {@code taintedNodes} looks nodes up in the state store
 * and adds only those found down, draining or disconnected, forgetting that a node it cannot
 * find was GC'd (scheduler/util.go maps it to nil; filters.go: "GC'd ... nodes are lost", N-31).
 * The allocations on a purged node stay untainted: never lost nor replaced, while the node is
 * gone or its client is partitioned away. Breaks INV-14 (PurgeGuard).
 */
final class PurgedUntaintedScheduler extends NomadScheduler {
    PurgedUntaintedScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean missingNodeTainted(Node node) {
        return false;
    }
}
