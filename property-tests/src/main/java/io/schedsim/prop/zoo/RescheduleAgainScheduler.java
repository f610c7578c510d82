package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;

/**
 * Bug 22: the reconciler forgets that a failed allocation was rescheduled already (it ignores
 * NextAllocation, the check in reconciler/filters.go {@code filterByRescheduleable} that Nomad
 * added "to protect against a bug allowing rescheduling running allocs"). A failed allocation
 * that an earlier plan replaced (as lost, while its node was down) is rescheduled a second time
 * once its delay is over, and meanwhile holds a place in the count, so its live replacement is
 * stopped as surplus. Nomad's plan applier does not catch it. Breaks INV-10.
 */
final class RescheduleAgainScheduler extends NomadScheduler {
    RescheduleAgainScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean alreadyRescheduled(Alloc alloc) {
        return false;
    }
}
