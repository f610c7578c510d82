package io.schedsim.model.placement;

import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.node.Node;
import io.schedsim.model.node.NodeStatus;

/**
 * Ray's hybrid scheduling policy over the cluster's nodes, in O(log n) per pick and per
 * node change; the ranking itself is {@link HybridRanker}. Draws come from the {@code placement}
 * stream, created once here.
 */
public final class RayHybridPolicy implements RayPlacement {
    private final Cluster cluster;
    private final HybridRanker ranker;

    public RayHybridPolicy(Cluster cluster) {
        this.cluster = cluster;
        ClusterConfig config = cluster.config();
        this.ranker = new HybridRanker(config.raySpreadThreshold, config.rayTopKFraction,
                config.rayTopKAbsolute, cluster.sim().random("placement"),
                cluster.nodeSlotCount());
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            onNodeChanged(cluster.node(slot));
        }
    }

    @Override
    public int pickNode(int preferredNode, long cpuMilli) {
        return ranker.pick(preferredNode, cpuMilli);
    }

    @Override
    public void onNodeChanged(Node node) {
        ranker.update(node.slot, node.status != NodeStatus.DOWN, cluster.raySchedulable(node),
                node.cpuTotalMilli, node.cpuUsedMilli);
    }
}
