package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.sched.DefaultPlanApplier;
import io.schedsim.model.sched.Plan;
import io.schedsim.model.state.Node;

/**
 * Bug 2: the plan applier trusts the plan's snapshot and checks only capacity at commit, not the
 * placement gate (ready, not draining, eligible) — the check-to-commit race plan_apply.go notes.
 * A stale plan then places onto a node that turned ineligible or draining. Breaks INV-1.
 */
final class UngatedPlanApplier extends DefaultPlanApplier {
    UngatedPlanApplier(ModelContext context) {
        super(context);
    }

    @Override
    protected boolean admits(Node node, Plan.Placement placement) {
        return node.hostUp() && node.fits(placement.job().cpuMilli(), placement.job().memMb())
                && !node.status().isUnresponsive();
    }
}
