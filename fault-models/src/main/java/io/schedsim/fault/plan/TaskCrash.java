package io.schedsim.fault.plan;

import java.util.List;

/**
 * F-3 worker kill (Ray {@code WorkerKillerActor}): crashes up to {@code count} running attempts or
 * allocations on the node; the node itself stays alive.
 */
public record TaskCrash(long atMillis, int node, int count) implements FaultAction {
    public static final String KIND = "task-crash";

    public TaskCrash {
        Shrink.requireTime(atMillis);
        Shrink.requireNode(node, false);
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return "node=" + node + " count=" + count;
    }

    @Override
    public List<FaultAction> simpler() {
        if (count == 1) {
            return List.of();
        }
        if (count == 2) {
            return List.of(new TaskCrash(atMillis, node, 1));
        }
        return List.of(new TaskCrash(atMillis, node, 1), new TaskCrash(atMillis, node, count / 2));
    }

    @Override
    public long complexity() {
        return count;
    }
}
