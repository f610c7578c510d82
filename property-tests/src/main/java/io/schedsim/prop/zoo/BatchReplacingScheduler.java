package io.schedsim.prop.zoo;

import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;

/**
 * Bug 7: the reconciler ignores {@code migrateDisablePlacement} and replaces batch allocations a
 * drain stopped at its deadline, as Nomad did before nomad#26961 / nomad#28018. Breaks INV-6.
 */
final class BatchReplacingScheduler extends NomadScheduler {
    BatchReplacingScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean countsAsDone(Alloc alloc) {
        return alloc.job().type().isBatchLike() && alloc.client() == ClientStatus.COMPLETE
                && !alloc.migrate();
    }

    @Override
    protected boolean replacesOnMigrate(Alloc alloc) {
        return true;
    }
}
