package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;

/**
 * Bug 26: a placement policy whose feasibility stage stops at Ready and fit: bin-pack without
 * the ConstraintChecker and the DistinctHostsIterator of Nomad's stack
 * (scheduler/feasible/stack.go), so a service or batch group lands on a node of the wrong class,
 * or beside its own allocation under distinct_hosts. Breaks INV-1 with N-35 (the monitor's
 * ConstraintGuard); found by {@code nomad-constraints}.
 */
final class ConstraintBlindPlacement implements PlacementPolicy {
    ConstraintBlindPlacement(ModelContext context) {
        // Bin-pack whatever the config asks: the bug is in feasibility, not in ranking.
    }

    @Override
    public int pick(Job job, StateView state, long[] plannedCpuMilli, long[] plannedMemMb) {
        int best = -1;
        double bestScore = 0;
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (!node.isReady() || node.cpuTotalMilli() == 0) {
                continue;
            }
            long cpuAfter = node.cpuUsedMilli() + plannedCpuMilli[slot] + job.cpuMilli();
            long memAfter = node.memUsedMb() + plannedMemMb[slot] + job.memMb();
            if (cpuAfter > node.cpuTotalMilli() || memAfter > node.memTotalMb()) {
                continue;
            }
            double utilisation = cpuAfter / (double) node.cpuTotalMilli();
            if (best < 0 || utilisation > bestScore) {
                best = slot;
                bestScore = utilisation;
            }
        }
        return best;
    }
}
