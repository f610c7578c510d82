package io.schedsim.model.task;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.RayRequest;
import io.schedsim.model.placement.RayStrategy;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * The end-of-run checks of the Ray workload, recomputed from the task columns rather than from
 * the counters kept along the way (Caffeine's {@code SievePolicy.finished()} pattern): INV-17
 * (the per-node reservations the cluster's audit compares with its tracked ones; nothing held on
 * a DEAD node), INV-23 (every task terminal when a feasible node is alive; with
 * max_retries -1 all FINISHED but those that raised, ran out of OOM retries or were cancelled) and INV-26 (capacity free 60 s after the last task).
 */
final class LivenessAudit {
    private final ModelContext context;
    private final StateStore state;
    private final TaskColumns tasks;
    private final long cpuMilli;
    private final InvariantMonitor monitor;

    private final Orphans orphans;

    LivenessAudit(ModelContext context, TaskColumns tasks, Orphans orphans, long cpuMilli) {
        this.context = context;
        this.state = context.state();
        this.tasks = tasks;
        this.orphans = orphans;
        this.cpuMilli = cpuMilli;
        this.monitor = context.checks();
    }

    void run(RayWorkload workload, long capacityFreeWindowNanos) {
        checkNothingHeldOnDeadNodes();
        checkTerminal(workload);
        checkCapacityFree(workload, capacityFreeWindowNanos);
    }

    /** Milli-CPU held per slot by leased and running attempts and by orphaned children. */
    long[] reservedByNode() {
        long[] reserved = new long[state.nodeSlotCount()];
        for (int e = 0; e < tasks.taskCount * 2; e++) {
            if (tasks.holdsCpu(e)) {
                reserved[tasks.node(e)] += cpuMilli;
            }
        }
        for (int i = 0; i < orphans.size(); i++) {
            reserved[orphans.slot(i)] += cpuMilli;
        }
        return reserved;
    }

    /** every attempt on a DEAD node failed with it, so nothing may still sit there. */
    private void checkNothingHeldOnDeadNodes() {
        for (int e = 0; e < tasks.taskCount * 2; e++) {
            byte s = tasks.state(e);
            if (s != TaskColumns.RUNNING && s != TaskColumns.WAITING) {
                continue;
            }
            int slot = tasks.node(e);
            if (state.node(slot).status() == NodeStatus.DOWN) {
                monitor.violation(Inv.RESOURCE_ACCOUNTING, "task entry " + e + " (state " + s
                        + ") still held on DEAD node " + slot);
                return;
            }
        }
    }

    private void checkTerminal(RayWorkload workload) {
        if (!workload.allTerminal()) {
            int stuck = firstUnwaitingEntry();
            if (stuck >= 0) {
                monitor.violation(Inv.TASKS_TERMINAL, workload.pending() + " of "
                        + workload.submitted() + " tasks not terminal at the end, task entry "
                        + stuck + " neither finished nor waiting for a node (state "
                        + tasks.state(stuck) + ")");
            } else if (shouldHaveRun(workload.request())) {
                monitor.violation(Inv.TASKS_TERMINAL, workload.pending() + " of "
                        + workload.submitted() + " tasks not terminal (submitted "
                        + (workload.submitted() == tasks.taskCount) + "), first: task "
                        + workload.firstNonTerminalTask());
            }
            return;
        }
        // an application error with retry_exceptions off ends a task even with -1, and so
        // does ray.cancel (terminal, never a result); R-2: so does running out of a finite
        // task_oom_retries.
        long systemFailed = workload.failed() - workload.raised() - workload.outOfMemory()
                - workload.cancelled() - workload.unschedulable();
        if (workload.spec().maxRetries() < 0 && systemFailed > 0) {
            monitor.violation(Inv.TASKS_TERMINAL, systemFailed + " tasks with "
                    + "max_retries=-1 ended in error");
        }
    }

    /**
     * The first entry that is neither terminal nor waiting for a node at the end: an attempt
     * leased or running, or one waiting out its retry delay (a run stopped at its time limit
     * with work still under way). A parent blocked in get waits for its child, which is judged
     * itself; a pending entry waits for a node, which {@link #shouldHaveRun} judges. -1 if none.
     */
    private int firstUnwaitingEntry() {
        for (int e = 0; e < tasks.taskCount * 2; e++) {
            byte s = tasks.state(e);
            if (s == TaskColumns.RUNNING || s == TaskColumns.RETRY_WAIT) {
                return e;
            }
        }
        return -1;
    }

    /**
     * Only what Ray holds counts: allocations of Nomad jobs may keep running beside the tasks, and
     * the cluster's own audit already ties the node's total to allocations plus this. Only a live
     * node is judged (host and raylet up, not declared down): a dead one not declared yet (its
     * heartbeat timer pushed out by a leader failover, or a disconnected node waiting out
     * lost_after, N-27) has nobody to release what a child orphaned there held; that
     * waits for its verdict, after which INV-17 judges it, and the verdict's delay is INV-12's.
     */
    private void checkCapacityFree(RayWorkload workload, long windowNanos) {
        long last = workload.lastCompletionNanos();
        if (!workload.allTerminal() || last < 0 || context.sim().nowNanos() - last < windowNanos) {
            return;
        }
        long[] reserved = reservedByNode();
        for (int slot = 0; slot < reserved.length; slot++) {
            Node node = state.node(slot);
            boolean alive = node.status() != NodeStatus.DOWN && node.hostUp() && node.agentUp();
            if (alive && reserved[slot] != 0) {
                monitor.violation(Inv.CAPACITY_FREE, node + " still reserves " + reserved[slot]
                        + " milli-CPU for Ray tasks 60 s after the last one finished");
            }
        }
    }

    /**
     * True if a live, schedulable node could take the task now. Capacity held by other tenants
     * (Nomad allocations sharing the node) makes a task wait, not fail; a reservation
     * leak that makes it wait is INV-17's, caught by the end-of-run audit.
     */
    private boolean feasibleNodeAlive(RayRequest request) {
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            if (couldTakeNow(state.node(slot), request)) {
                return true;
            }
        }
        return false;
    }

    private static boolean couldTakeNow(Node node, RayRequest request) {
        return node.status() != NodeStatus.DOWN && node.hostUp() && node.agentUp()
                && !node.draining() && !node.rayDraining() && request.availableOn(node);
    }

    /**
     * True if a task still waiting is a violation: some node could take it now (above). Under
     * NODE_AFFINITY a usable target is the only node that counts (the request waits there even
     * when others are free); an unusable one makes soft look at every node, and should have
     * failed a hard one TASK_UNSCHEDULABLE rather than left it waiting.
     */
    private boolean shouldHaveRun(RayRequest request) {
        if (request.strategy() != RayStrategy.NODE_AFFINITY) {
            return feasibleNodeAlive(request);
        }
        Node target = request.usableTarget(state);
        if (target != null) {
            return couldTakeNow(target, request);
        }
        return !request.soft() || feasibleNodeAlive(request);
    }
}
