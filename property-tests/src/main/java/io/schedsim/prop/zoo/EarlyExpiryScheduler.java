package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;

/**
 * Bug 25: the reconciler treats an unknown allocation as expired as soon as it is unknown, so
 * the first plan after it went unknown (a reschedule follow-up, say) marks it lost long before
 * lastUnknown + lost_after, as if its group had no disconnect block. Breaks INV-15 (N-30);
 * found by {@code nomad-disconnect}.
 */
final class EarlyExpiryScheduler extends NomadScheduler {
    EarlyExpiryScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean unknownExpired(Alloc alloc, long nowNanos) {
        return true;
    }
}
