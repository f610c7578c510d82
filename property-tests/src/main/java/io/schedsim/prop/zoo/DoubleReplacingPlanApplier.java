package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.sched.DefaultPlanApplier;
import io.schedsim.model.sched.Plan;
import io.schedsim.model.state.Node;

/**
 * Bug 22: the plan applier re-checks readiness and capacity at commit but not whether the
 * allocation a placement replaces was already replaced by an earlier plan (plan_apply.go
 * evaluates each plan against the latest state, N-23). Two evaluations of one job racing over the
 * same lost or drained allocation both commit a replacement. Breaks INV-10.
 */
final class DoubleReplacingPlanApplier extends DefaultPlanApplier {
    DoubleReplacingPlanApplier(ModelContext context) {
        super(context);
    }

    @Override
    protected boolean admits(Node node, Plan.Placement placement) {
        return node.isReady()
                && node.fits(placement.job().cpuMilli(), placement.job().memMb());
    }
}
