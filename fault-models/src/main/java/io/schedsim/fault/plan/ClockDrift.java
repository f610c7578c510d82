package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/** The node's clock runs {@code ratePpm} parts per million off true time for the duration. */
public record ClockDrift(long atMillis, long durationMillis, int node, long ratePpm)
        implements FaultAction {
    public static final String KIND = "clock-drift";

    public ClockDrift {
        Shrink.requireTime(atMillis);
        Shrink.requireDuration(durationMillis);
        Shrink.requireNode(node, false);
        if (ratePpm == 0 || Math.abs(ratePpm) > 1_000_000) {
            throw new IllegalArgumentException(
                    "ratePpm must be non-zero with |ppm| <= 1e6: " + ratePpm);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis) + " node=" + node + " ppm=" + ratePpm;
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new ClockDrift(window[0], window[1], node, ratePpm));
        }
        if (Math.abs(ratePpm) >= 2) {
            simpler.add(new ClockDrift(atMillis, durationMillis, node, ratePpm / 2));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return Shrink.durationComplexity(durationMillis) + Math.abs(ratePpm);
    }
}
