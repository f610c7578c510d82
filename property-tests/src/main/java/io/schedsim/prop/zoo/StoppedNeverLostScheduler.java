package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;

/**
 * Bug 24: the reconciler skips allocations the servers already stopped when it marks a down
 * node's allocations lost (scheduler/util.go updateNonTerminalAllocsToLost covers them, N-20,
 * N-32), reasoning that a stopped allocation needs nothing more. A drained allocation whose node
 * went down then stays "running" forever, and its node's drain never completes. Breaks INV-14.
 */
final class StoppedNeverLostScheduler extends NomadScheduler {
    StoppedNeverLostScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean stoppedOnDownNode(Alloc alloc) {
        return false;
    }
}
