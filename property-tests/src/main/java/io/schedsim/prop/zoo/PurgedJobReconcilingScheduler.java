package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Job;

/**
 * The scheduler takes a purged job for one that still runs: its evaluation finds no job in the
 * state store, and instead of reading the missing job as stopped (reconcile_cluster.go,
 * reconcile_node.go: a nil or stopped job requires nothing) it reconciles the last version it
 * knew, keeping every allocation and replacing lost ones. Breaks N-36's purge clause (the
 * monitor's JobPurgeGuard, the model's UpdateCheck); found by chaos-swarm's job purges.
 */
final class PurgedJobReconcilingScheduler extends NomadScheduler {
    PurgedJobReconcilingScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    protected boolean deregistered(Job job) {
        return job.stopped() && !job.purged();
    }
}
