package io.schedsim.fault.plan;

import java.util.List;

/**
 * F-2 agent kill (Ray {@code RayletKiller}, {@code ShutdownRaylet(graceful=false)}): the node's
 * agent dies at once, its host stays up and refuses connections, its work exits within 1 s.
 */
public record KillAgent(long atMillis, int node) implements FaultAction {
    public static final String KIND = "kill-agent";

    public KillAgent {
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
