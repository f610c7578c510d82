package io.schedsim.fault.plan;

import java.util.List;

/** The node's clock jumps by {@code deltaMillis} (negative: backwards) at one instant. */
public record ClockJump(long atMillis, int node, long deltaMillis) implements FaultAction {
    public static final String KIND = "clock-jump";

    public ClockJump {
        Shrink.requireTime(atMillis);
        Shrink.requireSpan(deltaMillis, "deltaMillis");
        Shrink.requireNode(node, false);
        if (deltaMillis == 0) {
            throw new IllegalArgumentException("deltaMillis must be non-zero");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return "node=" + node + " delta=" + TimeText.seconds(deltaMillis);
    }

    @Override
    public List<FaultAction> simpler() {
        if (Math.abs(deltaMillis) < 2) {
            return List.of();
        }
        return List.of(new ClockJump(atMillis, node, deltaMillis / 2));
    }

    @Override
    public long complexity() {
        return Math.abs(deltaMillis);
    }
}
