package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * F-5 heartbeat loss: each heartbeat or health-check message of the nodes is lost with
 * {@code lossProbability} for the duration; at the end the loss is lifted.
 */
public record HeartbeatLoss(long atMillis, long durationMillis, List<Integer> nodes,
        double lossProbability) implements FaultAction {
    public static final String KIND = "heartbeat-loss";

    public HeartbeatLoss {
        Shrink.requireTime(atMillis);
        Shrink.requireDuration(durationMillis);
        nodes = Shrink.canonicalNodes(nodes);
        Shrink.requireProbability(lossProbability, "lossProbability");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis) + " nodes=" + nodes + " p=" + lossProbability;
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new HeartbeatLoss(window[0], window[1], nodes, lossProbability));
        }
        for (List<Integer> fewer : Shrink.fewerNodes(nodes)) {
            simpler.add(new HeartbeatLoss(atMillis, durationMillis, fewer, lossProbability));
        }
        if (Shrink.canHalve(lossProbability)) {
            simpler.add(new HeartbeatLoss(atMillis, durationMillis, nodes, lossProbability / 2));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return Shrink.durationComplexity(durationMillis) + nodes.size()
                + Shrink.probabilityComplexity(lossProbability);
    }
}
