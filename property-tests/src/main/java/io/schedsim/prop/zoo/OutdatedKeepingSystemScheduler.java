package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Node;

/**
 * The system scheduler treats an ineligible node like a draining one after a job update: it
 * keeps the allocation of the old version there, where Nomad stops it without a replacement
 * (N-36, reconcile_node.go: "if the definition has been updated, stop the allocation"; e2e
 * testJobUpdateOnIneligibleNode). Breaks N-36 (the monitor's UpdateGuard); found by
 * {@code nomad-job-update-ineligible} and by chaos-swarm's job updates.
 */
final class OutdatedKeepingSystemScheduler extends NomadScheduler {
    OutdatedKeepingSystemScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean keepsOutdated(Node node) {
        return node.draining() || !node.eligible();
    }
}
