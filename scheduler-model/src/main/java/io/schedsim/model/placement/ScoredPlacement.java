package io.schedsim.model.placement;

import io.schedsim.model.job.ConstraintChecker;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;
import java.util.BitSet;

/**
 * Bin-pack (Nomad's default: the fullest node that fits) or spread (the emptiest), scored by CPU
 * utilisation after the placement; ties break by the lower slot. Feasibility comes first, as in
 * Nomad's stack (scheduler/feasible/stack.go): Ready, the group's constraints
 * ({@link ConstraintChecker}), distinct_hosts ({@link DistinctHosts}), then fit.
 */
public final class ScoredPlacement implements PlacementPolicy {
    private final boolean binPack;

    private ScoredPlacement(boolean binPack) {
        this.binPack = binPack;
    }

    public static PlacementPolicy binPack() {
        return new ScoredPlacement(true);
    }

    public static PlacementPolicy spread() {
        return new ScoredPlacement(false);
    }

    @Override
    public int pick(Job job, StateView state, long[] plannedCpuMilli, long[] plannedMemMb) {
        return pick(job, state, plannedCpuMilli, plannedMemMb, new BitSet());
    }

    @Override
    public int pick(Job job, StateView state, long[] plannedCpuMilli, long[] plannedMemMb,
            BitSet plannedSlots) {
        BitSet taken = DistinctHosts.taken(job, state, plannedSlots);
        int best = -1;
        double bestScore = 0;
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (!node.isReady() || node.cpuTotalMilli() == 0 || taken.get(slot)
                    || !ConstraintChecker.meets(job.constraints(), node.attributes())) {
                continue;
            }
            long cpuAfter = node.cpuUsedMilli() + plannedCpuMilli[slot] + job.cpuMilli();
            long memAfter = node.memUsedMb() + plannedMemMb[slot] + job.memMb();
            if (cpuAfter > node.cpuTotalMilli() || memAfter > node.memTotalMb()) {
                continue;
            }
            double utilisation = cpuAfter / (double) node.cpuTotalMilli();
            double score = binPack ? utilisation : -utilisation;
            if (best < 0 || score > bestScore) {
                best = slot;
                bestScore = score;
            }
        }
        return best;
    }
}
