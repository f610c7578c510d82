package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.job.JobType;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;

/**
 * Bug 5: the drainer does not honour {@code -ignore-system}: when the node is done it stops its
 * system allocations anyway. Breaks INV-7 (and SC-2's expected N system allocations).
 */
final class SystemStoppingDrainer extends NomadDrainer {
    SystemStoppingDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected void finishNode(Node node) {
        if (node.drainIgnoreSystem()) {
            for (Alloc alloc : state.allocs().all()) {
                if (alloc.node() == node.slot() && alloc.job().type() == JobType.SYSTEM
                        && !alloc.isTerminal()) {
                    state.markForMigration(alloc, false, false);
                    context.control().createEval(alloc.job(), "node-drain", node.slot());
                }
            }
        }
        super.finishNode(node);
    }
}
