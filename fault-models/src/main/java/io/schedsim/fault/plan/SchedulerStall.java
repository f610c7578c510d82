package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/** Scheduler workers take no evaluation for the duration (a GC pause or an overloaded leader). */
public record SchedulerStall(long atMillis, long durationMillis) implements FaultAction {
    public static final String KIND = "scheduler-stall";

    public SchedulerStall {
        Shrink.requireTime(atMillis);
        Shrink.requireDuration(durationMillis);
        if (durationMillis == UNTIL_HEAL) {
            throw new IllegalArgumentException("a scheduler stall needs a finite duration");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis);
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new SchedulerStall(window[0], window[1]));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return durationMillis;
    }
}
