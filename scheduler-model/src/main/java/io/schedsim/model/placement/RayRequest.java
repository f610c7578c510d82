package io.schedsim.model.placement;

import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import java.util.Objects;

/**
 * What one Ray lease request asks of placement: CPU, memory (Ray's logical
 * {@code memory} resource), at most one custom resource, and a scheduling strategy with, for
 * NODE_AFFINITY, its target slot and soft flag. Feasible on a node whose totals cover it;
 * available where its free amounts do too. Memory is free where neither a Nomad allocation nor a
 * Ray lease holds it, so nothing overcommits a shared node.
 */
public record RayRequest(long cpuMilli, long memMb, String resource, long resourceMilli,
        RayStrategy strategy, int targetSlot, boolean soft) {
    public RayRequest {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(strategy, "strategy");
        if (cpuMilli < 0 || memMb < 0 || resourceMilli < 0) {
            throw new IllegalArgumentException("negative request: " + cpuMilli + " mCPU, "
                    + memMb + " MiB, " + resourceMilli + " of " + resource);
        }
        if (resource.isEmpty() != (resourceMilli == 0)) {
            throw new IllegalArgumentException(
                    "a custom resource needs a name and a positive amount: " + resource);
        }
        if ((strategy == RayStrategy.NODE_AFFINITY) != (targetSlot >= 0)) {
            throw new IllegalArgumentException("a target node for NODE_AFFINITY, and only then");
        }
        if (soft && strategy != RayStrategy.NODE_AFFINITY) {
            throw new IllegalArgumentException("only NODE_AFFINITY is soft");
        }
    }

    /** A request of CPU only, under DEFAULT: what every task asked before this record. */
    public static RayRequest cpuOnly(long cpuMilli) {
        return new RayRequest(cpuMilli, 0, "", 0, RayStrategy.DEFAULT, -1, false);
    }

    /** True for CPU only under DEFAULT: the hybrid policy's indexed path serves it. */
    public boolean cpuOnlyDefault() {
        return memMb == 0 && resourceMilli == 0 && strategy == RayStrategy.DEFAULT;
    }

    /** The same resources under DEFAULT (a soft NODE_AFFINITY's fallback, R-14). */
    public RayRequest asDefault() {
        return new RayRequest(cpuMilli, memMb, resource, resourceMilli, RayStrategy.DEFAULT, -1,
                false);
    }

    /** The node's totals cover the request (Ray's {@code IsFeasible}). */
    public boolean feasibleOn(Node node) {
        return node.cpuTotalMilli() >= cpuMilli && node.memTotalMb() >= memMb
                && (resourceMilli == 0 || node.customTotalMilli(resource) >= resourceMilli);
    }

    /**
     * The NODE_AFFINITY target if it can be used: it exists, is schedulable (ALIVE, not
     * draining) and feasible, busy or not; else null, as for any other strategy.
     */
    public Node usableTarget(StateStore state) {
        if (targetSlot < 0 || targetSlot >= state.nodeSlotCount()) {
            return null;
        }
        Node node = state.node(targetSlot);
        return node.isRaySchedulable() && feasibleOn(node) ? node : null;
    }

    /** The node's free amounts cover the request now (Ray's {@code IsAvailable}). */
    public boolean availableOn(Node node) {
        return node.cpuFreeMilli() >= cpuMilli && node.memFreeMb() >= memMb
                && (resourceMilli == 0 || node.customFreeMilli(resource) >= resourceMilli);
    }
}
