package io.schedsim.fault.plan;

import java.util.List;

/**
 * Operator {@code nomad node purge} (Node.Deregister; N-20, N-31) at an arbitrary instant, also
 * of a draining or down node: the servers delete the node with its drain, and its allocations
 * are lost; a client still running registers again at its next heartbeat. Skipped where the
 * cluster rejects it: an unknown or already purged node ("node not found"), and Ray clusters,
 * whose DEAD is final.
 */
public record NodePurge(long atMillis, int node) implements FaultAction {
    public static final String KIND = "purge-node";

    public NodePurge {
        Shrink.requireTime(atMillis);
        Shrink.requireNode(node, false);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return "node=" + node;
    }

    @Override
    public List<FaultAction> simpler() {
        return List.of();
    }

    @Override
    public long complexity() {
        return 0;
    }
}
