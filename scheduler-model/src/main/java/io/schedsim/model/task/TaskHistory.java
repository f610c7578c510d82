package io.schedsim.model.task;

import static io.schedsim.model.task.TaskColumns.isChild;
import static io.schedsim.model.task.TaskColumns.taskOf;

import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.LeaseSpillback;
import io.schedsim.history.PlacementStrategy;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskCancelCall;
import io.schedsim.history.TaskPlacementConfigured;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.TaskSubmitted;
import io.schedsim.model.history.Convert;
import io.schedsim.model.history.HistoryPort;

/**
 * The Ray workload's history events (docs/history.md §1.4, rules 6 and 10). An outer task's id is
 * its row; every child submission gets a fresh id above them, so a parent's retry submits a new
 * task, never a second life of the old one. A reservation is published per holder, an attempt
 * with the node it ran on, and a task's resolution once: a value, its error, or, for a child whose
 * owner died, OWNER_DIED (TASK_CANCELLED if it never ran). Each method returns at once without a
 * sink; the child ids are kept only with one.
 */
final class TaskHistory {
    private static final ErrorType[] ERROR =
            Convert.byName(io.schedsim.model.task.ErrorType.values(), ErrorType.class);

    private final HistoryPort port;
    private final int maxRetries;
    private final boolean retryExceptions;
    private final int oomRetries;
    private final long cpuMilli;
    private final long memMb;
    /** The tasks' placement beyond CPU, published per task; null for CPU only under DEFAULT. */
    private final TaskPlacement placementConfigured;
    private final long[] childId;
    private long nextChildId;

    TaskHistory(HistoryPort port, RayWorkloadSpec spec, int oomRetries, long cpuMilli) {
        this.oomRetries = oomRetries;
        int taskCount = spec.outerTasks();
        this.port = port;
        this.maxRetries = spec.maxRetries();
        this.retryExceptions = spec.retryExceptions();
        this.cpuMilli = cpuMilli;
        this.memMb = spec.placement().memMb();
        this.placementConfigured = spec.placement().none() ? null : spec.placement();
        this.childId = port.on() ? new long[taskCount] : new long[0];
        this.nextChildId = taskCount;
    }

    boolean on() {
        return port.on();
    }

    static ErrorType of(io.schedsim.model.task.ErrorType type) {
        return ERROR[type.ordinal()];
    }

    /**
     * The history id of the entry's task: the row for an outer task, its current child's id;
     * -1 without a sink (no child ids are kept then).
     */
    long id(int entry) {
        if (!port.on()) {
            return -1;
        }
        return isChild(entry) ? childId[taskOf(entry)] : taskOf(entry);
    }

    /** The driver (outer) or the parent's attempt (child, under a fresh id) submitted a task. */
    void submitted(int entry) {
        if (!port.on()) {
            return;
        }
        long parent = -1;
        if (isChild(entry)) {
            childId[taskOf(entry)] = nextChildId++;
            parent = taskOf(entry);
        }
        port.record(new TaskSubmitted(port.nowNanos(), id(entry), parent, maxRetries,
                retryExceptions, oomRetries, cpuMilli));
        if (placementConfigured != null) {
            TaskPlacement p = placementConfigured;
            port.record(new TaskPlacementConfigured(port.nowNanos(), id(entry), p.memMb(),
                    p.resource(), p.resourceMilli(),
                    PlacementStrategy.valueOf(p.strategy().name()), p.targetSlot(), p.soft()));
        }
        pending(entry, 0);
    }

    void pending(int entry, int attempt) {
        if (port.on()) {
            port.record(new TaskAttemptChanged(port.nowNanos(), id(entry), attempt, -1,
                    AttemptState.PENDING_NODE_ASSIGNMENT, ErrorType.NONE));
        }
    }

    /** A lease, its reservation and the attempt running there, in one step (R-13, INV-17). */
    void granted(int entry, int attempt, int slot, int spillbacks) {
        if (!port.on()) {
            return;
        }
        long now = port.nowNanos();
        long task = id(entry);
        port.record(new LeaseGranted(now, task, attempt, slot, cpuMilli, spillbacks));
        port.record(new ResourcesReserved(now, slot, cpuMilli, memMb, -1, task, attempt));
        port.record(new TaskAttemptChanged(now, task, attempt, slot, AttemptState.RUNNING,
                ErrorType.NONE));
    }

    /** The raylet on {@code from} redirected the attempt's lease request to {@code to}. */
    void spilled(int entry, int attempt, int from, int to) {
        if (port.on()) {
            port.record(new LeaseSpillback(port.nowNanos(), id(entry), attempt, from, to));
        }
    }

    void released(int entry, int attempt, int slot) {
        if (port.on()) {
            released(id(entry), attempt, slot);
        }
    }

    void released(long task, int attempt, int slot) {
        if (port.on()) {
            port.record(new ResourcesReleased(port.nowNanos(), slot, cpuMilli, memMb, -1, task,
                    attempt));
        }
    }

    void finished(long task, int attempt, int slot) {
        if (port.on()) {
            port.record(new TaskAttemptChanged(port.nowNanos(), task, attempt, slot,
                    AttemptState.FINISHED, ErrorType.NONE));
        }
    }

    void failed(long task, int attempt, int slot, ErrorType error) {
        if (port.on()) {
            port.record(new TaskAttemptChanged(port.nowNanos(), task, attempt, slot,
                    AttemptState.FAILED, error));
        }
    }

    /** The owner called ray.cancel on the entry's task, before its effects. */
    void cancelCall(int entry, boolean force, boolean recursive) {
        if (port.on()) {
            port.record(new TaskCancelCall(port.nowNanos(), id(entry), force, recursive));
        }
    }

    void resolved(long task, ErrorType error) {
        if (port.on()) {
            port.record(new TaskResolved(port.nowNanos(), task, error));
        }
    }
}
