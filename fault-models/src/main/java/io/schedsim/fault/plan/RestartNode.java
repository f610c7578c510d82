package io.schedsim.fault.plan;

import java.util.List;

/**
 * Brings a terminated or agent-killed node back: under its old slot ({@code sameIdentity}, a
 * Nomad client re-registering) or as a fresh node with a new slot (a Ray raylet, or the
 * autoscaler's replacement). With {@link FaultAction#ANY_NODE} the injector restarts the node that
 * went down first among those this plan brought down and that are still down.
 */
public record RestartNode(long atMillis, int node, boolean sameIdentity) implements FaultAction {
    public static final String KIND = "restart-node";

    public RestartNode {
        Shrink.requireTime(atMillis);
        Shrink.requireNode(node, true);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        String target = node == ANY_NODE ? "node=any-down" : "node=" + node;
        return target + (sameIdentity ? " same-identity" : " new-identity");
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
