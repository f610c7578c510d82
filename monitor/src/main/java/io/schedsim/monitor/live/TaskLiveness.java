package io.schedsim.monitor.live;

import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.PlacementStrategy;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.TaskTable;
import io.schedsim.monitor.state.Time;

/**
 * INV-23 and INV-26 at the end of a settled run. INV-23: every task is resolved, and a task with
 * max_retries -1 resolved to a value, but for a child whose owner died (OWNER_DIED, or
 * TASK_CANCELLED before it ran: a dead owner's task cannot be retried, R-5, and the parent's
 * retry submits a new child, docs/history.md §1.4 rule 10; the driver never dies, so a task it
 * owns has no such excuse), or a task cancelled by a {@code task-cancel-call} (R-1: on it or,
 * recursive, on an ancestor) that resolved TASK_CANCELLED, or a hard NODE_AFFINITY task that
 * resolved TASK_UNSCHEDULABLE (R-14: never retried); the only excuse is a task whose latest
 * attempt waits for a node (pending) while no node is ALIVE, not draining and has its CPU, and
 * the memory and custom resource it asks for, free by the monitor's ledger (R-14: it is
 * infeasible or starved by capacity others hold, which INV-17 judges); under a NODE_AFFINITY
 * whose target is usable ({@link State#usableFor}: the request queues there, however busy) only
 * the target counts; a hard one whose target is not usable has no excuse (it fails
 * TASK_UNSCHEDULABLE when its owner asks for a lease), a soft one falls back to every node; and a
 * parent RUNNING (blocked in get) on such a waiting child: it waits for that child, so for a
 * node too (SC-11's variant: a Ray drain of the only node left, R-15, leaves the nested task
 * running there with its child pending for good).
 * INV-26: once every driver-owned task is resolved, and the run went on 60 s past the last
 * result, no live node holds a task reservation: one not down whose host and raylet run. A dead
 * node not declared down yet cannot release what an orphaned child held there; its
 * verdict, whenever the detector gives it, releases it (INV-17 judges that).
 */
final class TaskLiveness {
    /** Per-task reports kept before the rest are summed up in one. */
    private static final int LISTED_MAX = 10;
    private static final long CAPACITY_FREE_WINDOW_NANOS = 60_000 * Time.NANOS_PER_MILLI;

    private final State state;

    TaskLiveness(State state) {
        this.state = state;
    }

    void judge(long endNanos) {
        TaskTable tasks = state.tasks;
        int unresolved = 0;
        int excused = 0;
        boolean[] waits = waitingForANode();
        for (int t = 0; t < tasks.count(); t++) {
            ErrorType resolved = tasks.resolved(t);
            if (resolved != null) {
                boolean ownerGone = tasks.parent(t) >= 0 && (resolved == ErrorType.OWNER_DIED
                        || resolved == ErrorType.TASK_CANCELLED);
                // an application error with retry_exceptions off ends a task even with -1,
                // and R-2: so does running out of a finite task_oom_retries.
                boolean raised = resolved == ErrorType.TASK_EXECUTION_EXCEPTION
                        && !tasks.retryExceptions(t)
                        || resolved == ErrorType.OUT_OF_MEMORY && tasks.oomRetries(t) >= 0;
                // ray.cancel ends a task without a value; only a task cancelled by a call.
                boolean cancelled = resolved == ErrorType.TASK_CANCELLED && tasks.cancelCalled(t);
                // a hard NODE_AFFINITY to a target not usable fails without retries.
                boolean unschedulable = resolved == ErrorType.TASK_UNSCHEDULABLE
                        && tasks.hardAffinity(t);
                if (tasks.maxRetries(t) < 0 && resolved != ErrorType.NONE && !ownerGone
                        && !raised && !cancelled && !unschedulable) {
                    report(t, "task " + tasks.id(t) + " with max_retries -1 resolved to "
                            + resolved);
                }
                continue;
            }
            if (waits[t]) {
                if (excused++ < LISTED_MAX) {
                    state.verdicts.skip(Invariant.TASKS_TERMINAL, tasks.state(t)
                            != AttemptState.PENDING_NODE_ASSIGNMENT ? "task " + tasks.id(t)
                            + " waits for a child that waits for a node"
                            : queuedAtTarget(t) ? "task " + tasks.id(t) + " waits: its "
                            + "NODE_AFFINITY target node " + tasks.targetNode(t) + " (usable) "
                            + "has not " + request(t) + " free"
                            : "task " + tasks.id(t) + " waits: no ALIVE, non-draining node has "
                            + request(t) + " free");
                }
                continue;
            }
            if (unresolved++ < LISTED_MAX) {
                report(t, "task " + tasks.id(t) + " not resolved at the end: attempt "
                        + (tasks.attempts(t) - 1) + " is " + tasks.state(t)
                        + (tasks.hardAffinity(t) && !queuedAtTarget(t) ? " (its hard "
                        + "NODE_AFFINITY target node " + tasks.targetNode(t) + " is not usable: "
                        + "it fails TASK_UNSCHEDULABLE)" : ""));
            }
        }
        if (unresolved > LISTED_MAX) {
            state.verdicts.report(Invariant.TASKS_TERMINAL, -1, -1, -1, -1, unresolved
                    + " tasks not resolved at the end (the first " + LISTED_MAX + " listed)");
        }
        if (excused > LISTED_MAX) {
            state.verdicts.skip(Invariant.TASKS_TERMINAL, excused + " waiting tasks excused as "
                    + "above (the first " + LISTED_MAX + " listed)");
        }
        judgeCapacityFree(endNanos);
    }

    /**
     * Per task: unresolved and waiting for a node, pending with none to take it, or RUNNING with
     * an unresolved child that waits. A child is submitted after its parent, so it has a higher
     * index: going down, every child is judged before its parent.
     */
    private boolean[] waitingForANode() {
        TaskTable tasks = state.tasks;
        boolean[] waits = new boolean[tasks.count()];
        boolean[] childWaits = new boolean[tasks.count()];
        for (int t = tasks.count() - 1; t >= 0; t--) {
            if (tasks.resolved(t) != null) {
                continue;
            }
            AttemptState attempt = tasks.state(t);
            waits[t] = attempt == AttemptState.PENDING_NODE_ASSIGNMENT ? mayWait(t)
                    : attempt == AttemptState.RUNNING && childWaits[t];
            if (waits[t] && tasks.parent(t) >= 0) {
                childWaits[tasks.parent(t)] = true;
            }
        }
        return waits;
    }

    /**
     * A pending task may wait: no node that could take it has room for it now (R-12, R-14,
     * Under a NODE_AFFINITY with a usable target only the target could (the request
     * queues there); a hard one whose target is not usable may not wait at all (it fails
     * TASK_UNSCHEDULABLE); otherwise (a soft one falls back to the hybrid policy) any node.
     */
    private boolean mayWait(int t) {
        TaskTable tasks = state.tasks;
        if (tasks.strategy(t) == PlacementStrategy.NODE_AFFINITY) {
            int target = state.nodes.index(tasks.targetNode(t));
            if (state.usableFor(t, target)) {
                return !hasRoom(t, target);
            }
            if (!tasks.soft(t)) {
                return false;
            }
        }
        for (int n = 0; n < state.nodes.count(); n++) {
            if (hasRoom(t, n)) {
                return false;
            }
        }
        return true;
    }

    /** The task is pending under a NODE_AFFINITY whose target is usable: it queues there. */
    private boolean queuedAtTarget(int t) {
        return state.tasks.strategy(t) == PlacementStrategy.NODE_AFFINITY
                && state.usableFor(t, state.nodes.index(state.tasks.targetNode(t)));
    }

    /**
     * Node index {@code n} is ALIVE, non-draining and has the task's CPU free now, beside what
     * its allocations, tasks and live actors hold, and the memory and custom resource the task
     * asks for (a CPU-only task is judged on its CPU alone, as before they were known).
     */
    private boolean hasRoom(int t, int n) {
        NodeTable nodes = state.nodes;
        TaskTable tasks = state.tasks;
        int r = tasks.resource(t);
        return !nodes.down(n) && nodes.alive(n) && !nodes.draining(n) && !nodes.rayDraining(n)
                && nodes.cpuMilli(n) - state.ledger.cpuOn(n) - state.actors.cpuOn(n)
                        >= tasks.cpuMilli(t)
                && (tasks.memMb(t) == 0
                        || nodes.memMb(n) - state.ledger.memOn(n) >= tasks.memMb(t))
                && (r < 0 || state.resources.capacityMilli(r, n) - state.ledger.resourceOn(r, n)
                        >= tasks.resourceMilli(t));
    }

    /** What the task asks for: its CPU, and its memory and custom resource if any. */
    private String request(int t) {
        TaskTable tasks = state.tasks;
        int r = tasks.resource(t);
        return tasks.cpuMilli(t) + " mCPU"
                + (tasks.memMb(t) > 0 ? ", " + tasks.memMb(t) + " MiB" : "")
                + (r >= 0 ? ", " + tasks.resourceMilli(t) + " milli " + state.resources.name(r)
                        : "");
    }

    private void judgeCapacityFree(long endNanos) {
        TaskTable tasks = state.tasks;
        if (tasks.count() == 0) {
            return;
        }
        if (tasks.driverResolved() < tasks.driverTasks()) {
            state.verdicts.skip(Invariant.CAPACITY_FREE, (tasks.driverTasks()
                    - tasks.driverResolved()) + " driver-owned tasks unresolved (INV-23's)");
            return;
        }
        long last = tasks.lastDriverResolvedAt();
        if (endNanos - last < CAPACITY_FREE_WINDOW_NANOS) {
            state.verdicts.skip(Invariant.CAPACITY_FREE, "the run ended "
                    + Time.format(endNanos - last) + " after the last result, within 60 s");
            return;
        }
        NodeTable nodes = state.nodes;
        for (int n = 0; n < nodes.count(); n++) {
            long held = state.ledger.taskCpuOn(n);
            if (!nodes.down(n) && nodes.alive(n) && held != 0) {
                state.verdicts.report(Invariant.CAPACITY_FREE, nodes.id(n), -1, -1, -1, "node "
                        + nodes.id(n) + " still holds " + held + " mCPU for tasks "
                        + Time.format(endNanos - last) + " after the last result");
            }
        }
    }

    private void report(int t, String message) {
        state.verdicts.report(Invariant.TASKS_TERMINAL, -1, -1, state.tasks.id(t), -1, message);
    }
}
