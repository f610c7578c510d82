package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.job.JobType;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;

/**
 * Bug 8: a drain counts as done once the servers have stopped the allocations (desired stop)
 * rather than when the clients report them terminal — ignoring kill_timeout and shutdown_delay,
 * as nomad#14348 did. Breaks INV-8.
 */
final class ServerStopDrainer extends NomadDrainer {
    ServerStopDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected boolean isDone(Node node) {
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() == node.slot() && alloc.job().type() != JobType.SYSTEM
                    && !alloc.isTerminal()) {
                return false;
            }
        }
        return true;
    }
}
