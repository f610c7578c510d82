package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * Bug 6: max_parallel applied per draining node instead of per job (the shape of nomad#26175):
 * the pacing formula runs once per node with the job's healthy count taken before any mark, so
 * two drained nodes migrate up to twice max_parallel at once. Breaks INV-4.
 */
final class PerNodePacingDrainer extends NomadDrainer {
    PerNodePacingDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected void paceJob(Job job) {
        int healthy = 0;
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() == job && !alloc.isTerminal() && !alloc.migrate()
                    && alloc.health().isSet()) {
                healthy++;
            }
        }
        int allowed = healthy - (job.count() - job.migrate().maxParallel());
        boolean marked = false;
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            if (!state.node(slot).draining()) {
                continue;
            }
            List<Alloc> drainable = new ArrayList<>();
            for (Alloc alloc : state.allocs().all()) {
                if (alloc.job() == job && alloc.node() == slot && !alloc.isTerminal()
                        && !alloc.migrate()) {
                    drainable.add(alloc);
                }
            }
            int numToDrain = Math.min(drainable.size(), allowed);
            for (int i = 0; i < numToDrain; i++) {
                state.markForMigration(drainable.get(i), false, false);
                marked = true;
            }
        }
        if (marked) {
            context.control().createEval(job, "node-drain", -1);
        }
    }
}
