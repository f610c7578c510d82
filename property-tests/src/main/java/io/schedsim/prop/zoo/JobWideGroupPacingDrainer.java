package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * The drainer paces a job with several task groups as one: the healthy allocations, the counts
 * and the max_parallel of all its groups summed, where Nomad's handleJob runs handleTaskGroup per
 * group with that group's count and max_parallel (nomad/drainer/watch_jobs.go). A group with a
 * small max_parallel then has more allocations waiting for a replacement than it allows, its
 * share taken from a sibling's. Breaks INV-4 (MarkGuard, per group); found by nomad-task-groups.
 */
final class JobWideGroupPacingDrainer extends NomadDrainer {
    JobWideGroupPacingDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected void paceJob(Job job) {
        List<Job> groups = job.groups();
        if (groups.size() == 1) {
            super.paceJob(job);
            return;
        }
        List<Alloc> drainable = new ArrayList<>();
        int healthy = 0;
        int count = 0;
        int maxParallel = 0;
        for (Job group : groups) {
            count += group.count();
            maxParallel += group.migrate().maxParallel();
        }
        for (Alloc alloc : state.allocs().all()) {
            if (!groups.contains(alloc.job()) || alloc.isTerminal() || alloc.migrate()) {
                continue;
            }
            if (alloc.health().isSet()) {
                healthy++;
            }
            if (state.node(alloc.node()).draining()) {
                drainable.add(alloc);
            }
        }
        int numToDrain = Math.min(drainable.size(), healthy - (count - maxParallel));
        for (int i = 0; i < numToDrain; i++) {
            state.markForMigration(drainable.get(i), false, false);
        }
        if (numToDrain > 0) {
            for (Job group : groups) {
                context.control().createEval(group, "node-drain", -1);
            }
        }
    }
}
