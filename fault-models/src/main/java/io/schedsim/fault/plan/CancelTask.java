package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's {@code ray.cancel(ref, force, recursive=True)} of one Ray task: the task
 * {@code taskPick} modulo the tasks unresolved at fire time (queued, running, blocked in get on
 * its child, or waiting out a retry delay), in a stable order (outer task 0, its child, outer
 * task 1, ...), as the swarm draws it, not knowing the tasks. {@code force} kills the worker
 * rather than interrupting the task. The task ends TASK_CANCELLED and is never retried; its child
 * is cancelled with it (recursive, Ray's default); a cancelled child's parent sees
 * TaskCancelledError from get. Skipped when no task is unresolved (Ray's cancel of a finished
 * task does nothing).
 */
public record CancelTask(long atMillis, int taskPick, boolean force) implements FaultAction {
    public static final String KIND = "cancel-task";

    public CancelTask {
        Shrink.requireTime(atMillis);
        Shrink.requireNonNegative(taskPick, "taskPick");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return "pick=" + taskPick + (force ? " force" : "");
    }

    /** The first unresolved task instead of a picked one; an interrupt instead of a kill. */
    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> out = new ArrayList<>(2);
        if (taskPick != 0) {
            out.add(new CancelTask(atMillis, 0, force));
        }
        if (force) {
            out.add(new CancelTask(atMillis, taskPick, false));
        }
        return out;
    }

    @Override
    public long complexity() {
        return (taskPick == 0 ? 0 : 1) + (force ? 1 : 0);
    }
}
