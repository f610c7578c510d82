package com.example.drain;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * Our drainer: Nomad's, with our own pacing of service jobs, which has an off-by-one. The loop
 * that marks allocations for migration starts at 1, so every pass moves one allocation fewer than
 * max_parallel allows; a job with max_parallel 1 never leaves a node drained without a deadline,
 * and that drain never ends. No invariant of the model forbids a slow drain, so only a property
 * of ours (DrainsFinish) can catch it.
 */
public class OffByOneDrainer extends NomadDrainer {
    public OffByOneDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected void paceJob(Job job) {
        List<Alloc> drainable = new ArrayList<>();
        int healthy = 0;
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() != job || alloc.isTerminal() || alloc.migrate()) {
                continue;
            }
            if (alloc.health().isSet()) {
                healthy++;
            }
            if (state.node(alloc.node()).draining()) {
                drainable.add(alloc);
            }
        }
        // Nomad's pacing (nomad/drainer/watch_jobs.go): healthy - (count - max_parallel).
        int toMigrate = Math.min(drainable.size(),
                healthy - (job.count() - job.migrate().maxParallel()));
        for (int i = 1; i < toMigrate; i++) {
            state.markForMigration(drainable.get(i), false, false);
        }
        if (toMigrate > 0) {
            context.control().createEval(job, "node-drain", -1);
        }
    }
}
