package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;

/**
 * Bug 27: the system scheduler targets every Ready node, not only those meeting the job's
 * constraints (N-35: "one alloc per (node, group) on every node meeting the constraints"), so a
 * system job constrained to one node class runs on the other class too. Breaks INV-1 with N-35
 * (the monitor's ConstraintGuard); found by {@code nomad-constraints}.
 */
final class ConstraintBlindSystemScheduler extends NomadScheduler {
    ConstraintBlindSystemScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean targets(Job job, Node node) {
        return true;
    }
}
