package io.schedsim.model.placement;

import io.schedsim.core.random.SimRandom;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * Ray's hybrid scheduling policy over the cluster's nodes, in O(log n) per pick and per
 * node change; the ranking itself is {@link HybridRanker}. Draws come from the {@code placement}
 * stream, created once here.
 */
public final class RayHybridPolicy implements RayPlacement {
    private final ModelContext context;
    private final StateStore state;
    private final HybridRanker ranker;
    /** Draws for busy picks (R-12's second tier) only, so that those of available picks stay. */
    private final SimRandom busyDraws;
    /** Draws for available picks: the ranker's stream, shared by both paths. */
    private final SimRandom availableDraws;
    private final StrategyPicks strategies;

    public RayHybridPolicy(ModelContext context) {
        this.context = context;
        this.state = context.state();
        ClusterConfig config = context.config();
        this.availableDraws = context.sim().random("placement");
        this.ranker = new HybridRanker(config.raySpreadThreshold, config.rayTopKFraction,
                config.rayTopKAbsolute, availableDraws, state.nodeSlotCount());
        this.busyDraws = context.sim().random("placement-busy");
        this.strategies = new StrategyPicks(state, ranker);
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            onNodeChanged(state.node(slot));
        }
    }

    /**
     * Re-checks the gate on the node picked: if the cluster changed a node (a drain, say) without
     * telling {@link #onNodeChanged}, that node is re-ranked and the pick repeated, so a stale
     * index never leases onto a DRAINING or DEAD node. Each repeat removes one stale node.
     */
    @Override
    public int pickNode(int preferredNode, long cpuMilli) {
        for (int attempt = 0; attempt <= state.nodeSlotCount(); attempt++) {
            int slot = ranker.pick(preferredNode, cpuMilli);
            if (slot < 0) {
                return -1;
            }
            Node node = state.node(slot);
            if (node.isRaySchedulable() && node.cpuFreeMilli() >= cpuMilli) {
                return slot;
            }
            onNodeChanged(node);
        }
        throw new IllegalStateException("ranked node set does not converge");
    }

    /** As {@link #pickNode}, the gate re-checked on the busy node picked. */
    @Override
    public int pickFeasible(int preferredNode, long cpuMilli) {
        for (int attempt = 0; attempt <= state.nodeSlotCount(); attempt++) {
            int slot = ranker.pickFeasible(preferredNode, cpuMilli, busyDraws);
            if (slot < 0) {
                return -1;
            }
            Node node = state.node(slot);
            if (node.isRaySchedulable() && node.cpuTotalMilli() >= cpuMilli) {
                return slot;
            }
            onNodeChanged(node);
        }
        throw new IllegalStateException("ranked node set does not converge");
    }

    /**
     * Requests with memory, a custom resource or a strategy go to {@link StrategyPicks}; a soft
     * NODE_AFFINITY whose target cannot be used is served as DEFAULT, by the indexed path when
     * it asks for CPU only.
     */
    @Override
    public int pickNode(int preferredNode, RayRequest request) {
        RayRequest effective = effective(request);
        if (effective.cpuOnlyDefault()) {
            return pickNode(preferredNode, effective.cpuMilli());
        }
        return strategies.pick(preferredNode, effective, true, availableDraws);
    }

    @Override
    public int pickFeasible(int preferredNode, RayRequest request) {
        RayRequest effective = effective(request);
        if (effective.cpuOnlyDefault()) {
            return pickFeasible(preferredNode, effective.cpuMilli());
        }
        return strategies.pick(preferredNode, effective, false, busyDraws);
    }

    @Override
    public boolean anyAvailable(RayRequest request) {
        RayRequest effective = effective(request);
        if (effective.cpuOnlyDefault()) {
            return anyAvailable(effective.cpuMilli());
        }
        return strategies.anyAvailable(effective);
    }

    private RayRequest effective(RayRequest request) {
        if (request.strategy() == RayStrategy.NODE_AFFINITY && request.soft()
                && !strategies.targetUsable(request)) {
            return request.asDefault();
        }
        return request;
    }

    @Override
    public boolean anyAvailable(long cpuMilli) {
        return ranker.anyAvailable(cpuMilli);
    }

    @Override
    public void onNodeChanged(Node node) {
        ranker.update(node.slot(), node.status() != NodeStatus.DOWN, node.isRaySchedulable(),
                node.cpuTotalMilli(), node.cpuUsedMilli());
    }
}
