package io.schedsim.model.placement;

import io.schedsim.model.Cluster;
import io.schedsim.model.state.Job;

/**
 * Ranks the nodes that can take one allocation of {@code job} and picks one. Candidates are only
 * Ready nodes (Nomad's readyNodesInDCsAndPool) on which the job fits counting what the current
 * plan already added ({@code plannedCpuMilli}, {@code plannedMemMb}, indexed by slot). Returns a
 * node slot or -1. Implementations are deterministic; ties break by slot.
 */
public interface PlacementPolicy {
    int pick(Job job, Cluster cluster, long[] plannedCpuMilli, long[] plannedMemMb);
}
