package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Heartbeat delay: heartbeats and health checks of the nodes take {@code extraDelayMillis} longer
 * one way for the duration; a delay near the TTL starves the server of heartbeats.
 */
public record HeartbeatDelay(long atMillis, long durationMillis, List<Integer> nodes,
        long extraDelayMillis) implements FaultAction {
    public static final String KIND = "heartbeat-delay";

    public HeartbeatDelay {
        Shrink.requireTime(atMillis);
        Shrink.requireSpan(extraDelayMillis, "extraDelayMillis");
        Shrink.requireDuration(durationMillis);
        nodes = Shrink.canonicalNodes(nodes);
        if (extraDelayMillis <= 0) {
            throw new IllegalArgumentException("extraDelayMillis must be > 0: " + extraDelayMillis);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis) + " nodes=" + nodes
                + " extra-delay=" + TimeText.seconds(extraDelayMillis);
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new HeartbeatDelay(window[0], window[1], nodes, extraDelayMillis));
        }
        for (List<Integer> fewer : Shrink.fewerNodes(nodes)) {
            simpler.add(new HeartbeatDelay(atMillis, durationMillis, fewer, extraDelayMillis));
        }
        if (extraDelayMillis >= 2) {
            simpler.add(new HeartbeatDelay(atMillis, durationMillis, nodes, extraDelayMillis / 2));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return Shrink.durationComplexity(durationMillis) + nodes.size() + extraDelayMillis;
    }
}
