package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Work that starts during the window runs {@code slowdownFactor} times longer (cluster-wide, as
 * under a noisy neighbour); at the end new work runs at normal speed again.
 */
public record SlowTasks(long atMillis, long durationMillis, double slowdownFactor)
        implements FaultAction {
    public static final String KIND = "slow-tasks";
    /** Factors closer to 1 than this are not simplified further. */
    static final double FACTOR_EXCESS_FLOOR = 0.1;

    public SlowTasks {
        Shrink.requireTime(atMillis);
        Shrink.requireDuration(durationMillis);
        if (!(slowdownFactor >= 1.0 && slowdownFactor <= 1_000.0)) {
            throw new IllegalArgumentException("slowdownFactor must be in [1, 1000]: "
                    + slowdownFactor);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis) + " factor=" + slowdownFactor;
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new SlowTasks(window[0], window[1], slowdownFactor));
        }
        double excess = slowdownFactor - 1.0;
        if (excess / 2 >= FACTOR_EXCESS_FLOOR) {
            simpler.add(new SlowTasks(atMillis, durationMillis, 1.0 + excess / 2));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return Shrink.durationComplexity(durationMillis)
                + Math.round((slowdownFactor - 1.0) * 1_000_000);
    }
}
