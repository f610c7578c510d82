package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.job.JobType;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;

/**
 * Bug 21: the done check looks only at service allocations, reasoning that batch ones are left
 * to the deadline anyway (N-10) — but N-16 waits for every non-system allocation to be
 * client-terminal. A drain with batch work still running completes before its deadline, force-
 * completed early. Breaks INV-8.
 */
final class BatchBlindDoneDrainer extends NomadDrainer {
    BatchBlindDoneDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected boolean isDone(Node node) {
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() == node.slot() && alloc.job().type() == JobType.SERVICE
                    && !alloc.client().isTerminal()) {
                return false;
            }
        }
        return true;
    }
}
