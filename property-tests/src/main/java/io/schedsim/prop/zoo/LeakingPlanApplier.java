package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.sched.DefaultPlanApplier;
import io.schedsim.model.state.Alloc;

/**
 * Bug 3: allocations lost with their node are marked lost but their reservations are never
 * released, so a node that comes back keeps phantom usage. Breaks INV-17 (the end-of-run audit
 * recomputes reservations from the allocations and finds the leak).
 */
final class LeakingPlanApplier extends DefaultPlanApplier {
    LeakingPlanApplier(ModelContext context) {
        super(context);
    }

    @Override
    protected void releaseLost(Alloc alloc) {
        // the bug: nothing released
    }
}
