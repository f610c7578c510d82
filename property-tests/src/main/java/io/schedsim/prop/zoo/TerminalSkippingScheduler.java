package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.job.JobType;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;

/**
 * Bug 10: node changes evaluate a job by "terminal or not" instead of Nomad's split rule
 * ({@code Node.createNodeEvals}, nomad/node_endpoint.go): a service allocation is skipped once
 * client-terminal (upstream: only when server- AND client-terminal) and a batch one once
 * server-terminal (upstream: only when client-terminal). The model's own rule before issue 12;
 * a batch allocation stopped at a drain deadline then never becomes lost when its node goes
 * down. Breaks N-22.
 */
final class TerminalSkippingScheduler extends NomadScheduler {
    TerminalSkippingScheduler(ModelContext context, PlacementPolicy placement) {
        super(context, placement);
    }

    @Override
    public boolean needsNodeEval(Alloc alloc) {
        JobType type = alloc.job().type();
        if (type == JobType.SERVICE) {
            return !alloc.client().isTerminal();
        }
        return type == JobType.BATCH && !alloc.isTerminal();
    }
}
