package io.schedsim.model.task;

import static io.schedsim.model.task.TaskColumns.FAILED;
import static io.schedsim.model.task.TaskColumns.FINISHED;
import static io.schedsim.model.task.TaskColumns.LEASED;
import static io.schedsim.model.task.TaskColumns.NIL;
import static io.schedsim.model.task.TaskColumns.NONE;
import static io.schedsim.model.task.TaskColumns.PENDING;
import static io.schedsim.model.task.TaskColumns.RETRY_WAIT;
import static io.schedsim.model.task.TaskColumns.RUNNING;
import static io.schedsim.model.task.TaskColumns.WAITING;
import static io.schedsim.model.task.TaskColumns.child;
import static io.schedsim.model.task.TaskColumns.isChild;
import static io.schedsim.model.task.TaskColumns.outer;
import static io.schedsim.model.task.TaskColumns.taskOf;

import io.schedsim.core.check.Check;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.node.Node;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.RayPlacement;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The Ray task workload of SC-1 on a cluster: submission, leases, runs, nested children, failures
 * and retries. Lifecycle of an attempt: PENDING (FIFO queue) → lease granted, CPU reserved at once
 * → RUNNING after the lease latency → FINISHED, or FAILED(WORKER_DIED | NODE_DIED) and retried by
 * its owner under the {@link RetryPolicy}. Outer tasks are owned by the driver on the head (never
 * killed, INV-20); a child is owned by its parent's attempt.
 *
 * <p>Model choices, beyond SEMANTICS: (1) a parent blocked in {@code get} releases its CPU (§2.3)
 * and, when the child's inline result arrives, finishes at once: its post-get work takes no time,
 * so it never re-acquires the CPU. (2) A child whose owner died is orphaned: it keeps its CPU, runs
 * to completion and its result is dropped; the parent's retry submits a fresh child whose attempts
 * and retries count from 0. (3) A lease can go to a node that died but is not yet DEAD (the server
 * cannot tell); the attempt then never starts or finishes, and fails NODE_DIED when the node is
 * declared DEAD, so no request hangs forever. (4) Placement uses the global view directly:
 * one grant or one wait per request, so spillback depth is 0 (INV-22).
 */
public final class RayWorkload {
    /** The driver's node: the head, slot 0 (SC-1). Outer tasks prefer it. */
    static final int DRIVER_NODE = 0;
    private static final long CAPACITY_FREE_WINDOW_NANOS = SimTime.seconds(60);

    private final Cluster cluster;
    private final Simulation sim;
    private final InvariantMonitor monitor;
    private final RayWorkloadSpec spec;
    private final RayPlacement placement;
    private final RetryPolicy retryPolicy;
    private final TaskColumns tasks;
    private final FailureLog failures = new FailureLog();
    private final IntArrayFIFOQueue pendingQueue;
    private final IntArrayList scratch = new IntArrayList();
    private final Histogram completionMillis;
    private final long cpuMilli;
    private final long leaseLatencyNanos;
    private final long retryDelayNanos;
    private long holdRunNanos;
    private long childRunNanos;

    private int kindStart = -1;
    private int kindDone;
    private int kindRetry;
    private int kindOrphanDone;

    private long submitted;
    private long completed;
    private long failed;
    private long lostAttempts;
    private long retries;
    private long lastCompletionNanos = -1;

    public RayWorkload(Cluster cluster, RayWorkloadSpec spec, RayPlacement placement,
            RetryPolicy retryPolicy) {
        this.cluster = cluster;
        this.sim = cluster.sim();
        this.monitor = cluster.monitor();
        this.spec = spec;
        this.placement = placement;
        this.retryPolicy = retryPolicy;
        this.tasks = new TaskColumns(spec.outerTasks());
        this.pendingQueue = new IntArrayFIFOQueue(Math.max(16, spec.outerTasks() + 1));
        this.completionMillis = sim.metrics().histogram("taskCompletion");
        this.cpuMilli = spec.cpuMilliPerTask();
        this.leaseLatencyNanos = SimTime.millis(cluster.config().leaseLatencyMillis);
        this.retryDelayNanos = SimTime.millis(cluster.config().taskRetryDelayMillis);
        this.holdRunNanos = spec.holdNanos();
        this.childRunNanos = spec.childCpuNanos();
        tasks.ensureNodes(Math.max(0, cluster.nodeSlotCount() - 1));
    }

    /** Registers the event kinds and schedules the driver's submission of every outer task. */
    public void start() {
        Check.that(kindStart < 0, "RayWorkload started twice");
        int kindSubmit = sim.registerKind("ray.submit", (entity, payload) -> submitAll());
        kindStart = sim.registerKind("ray.start", this::onStart);
        kindDone = sim.registerKind("ray.done", this::onDone);
        kindRetry = sim.registerKind("ray.retry", this::onRetry);
        kindOrphanDone = sim.registerKind("ray.orphanDone", this::onOrphanDone);
        sim.schedule(Math.max(sim.nowNanos(), spec.submitAtNanos()), kindSubmit, 0, 0);
    }

    /** The GCS declared the node DEAD: every attempt there fails NODE_DIED. */
    public void onNodeDown(Node node) {
        placement.onNodeChanged(node);
        int slot = node.slot;
        boolean preempted = preemptedDeath(node);
        scratch.clear();
        for (int e = tasks.first(slot); e != NIL; e = tasks.next(e)) {
            scratch.add(e);
        }
        for (int i = 0; i < scratch.size(); i++) {
            int e = scratch.getInt(i);
            // An earlier failure in this loop may have settled a child already.
            if (tasks.linked(e) && tasks.node[e] == slot) {
                failAttempt(e, ErrorType.NODE_DIED, preempted);
            }
        }
        if (slot < tasks.nodeCapacity()) {
            // Orphans' reservations leave with the node's capacity.
            tasks.orphanCpuMilli[slot] = 0;
        }
        dispatch();
    }

    /** A node became schedulable: dispatch what waits. */
    public void onNodeReady(Node node) {
        placement.onNodeChanged(node);
        dispatch();
    }

    /**
     * The node's processes died. The cluster has bumped {@code node.incarnation}; the start and
     * completion events of attempts there see the mismatch and drop, so nothing finishes there and
     * the attempts wait, in the server's view still leased or running, for {@link #onNodeDown}.
     */
    public void onWorkDied(Node node) {
        tasks.ensureNodes(node.slot);
    }

    /** F-3: the first running attempt on the node (grant order) fails WORKER_DIED now. */
    public boolean crashOneAttempt(Node node) {
        for (int e = tasks.first(node.slot); e != NIL; e = tasks.next(e)) {
            byte s = tasks.state[e];
            // A parent blocked in get is RUNNING in Ray's state API, and its worker can be killed.
            if ((s == RUNNING || s == WAITING) && node.incarnation == tasks.incarnation[e]) {
                if (s == RUNNING) {
                    cluster.release(node, cpuMilli, 0);
                }
                failAttempt(e, ErrorType.WORKER_DIED, false);
                dispatch();
                return true;
            }
        }
        return false;
    }

    /** Run times of attempts starting from now on are multiplied by {@code factor}. */
    public void setSlowdown(double factor) {
        Check.that(factor > 0 && !Double.isInfinite(factor), "slowdown must be positive");
        holdRunNanos = (long) (spec.holdNanos() * factor);
        childRunNanos = (long) (spec.childCpuNanos() * factor);
    }

    private void submitAll() {
        long now = sim.nowNanos();
        for (int t = 0; t < tasks.taskCount; t++) {
            tasks.submitNanos[t] = now;
            makePending(outer(t));
        }
        submitted = tasks.taskCount;
        dispatch();
    }

    private void makePending(int e) {
        tasks.transition(e, PENDING);
        if (!tasks.queued[e]) {
            tasks.queued[e] = true;
            pendingQueue.enqueue(e);
        }
    }

    /** Grants leases from the head of the FIFO queue while some node can take it. */
    private void dispatch() {
        while (!pendingQueue.isEmpty()) {
            int e = pendingQueue.firstInt();
            if (tasks.state[e] != PENDING) {
                pendingQueue.dequeueInt();
                tasks.queued[e] = false;
                continue;
            }
            int preferred = isChild(e) ? tasks.node[outer(taskOf(e))] : DRIVER_NODE;
            int slot = placement.pickNode(preferred, cpuMilli);
            if (slot < 0) {
                return;
            }
            pendingQueue.dequeueInt();
            tasks.queued[e] = false;
            grant(e, slot);
        }
    }

    private void grant(int e, int slot) {
        Node node = cluster.node(slot);
        if (!cluster.raySchedulable(node)) {
            monitor.violation(Inv.PLACEMENT_GATE, "lease of " + describe(e) + " granted on " + node
                    + " (status " + node.status + ", draining " + node.draining + ")");
        }
        cluster.reserve(node, cpuMilli, 0);
        tasks.transition(e, LEASED);
        tasks.incarnation[e] = node.incarnation;
        tasks.link(e, slot);
        tasks.handle[e] = sim.scheduleAfter(leaseLatencyNanos, kindStart, e, tasks.gen[e]);
    }

    private void onStart(int e, long payload) {
        if ((int) payload != tasks.gen[e]) {
            return;
        }
        Check.that(tasks.state[e] == LEASED, "start of a task entry that is not leased", e);
        Node node = cluster.node(tasks.node[e]);
        if (node.incarnation != tasks.incarnation[e] || !node.hostUp || !node.agentUp) {
            return;
        }
        tasks.transition(e, RUNNING);
        long runNanos = isChild(e) ? childRunNanos : holdRunNanos;
        tasks.handle[e] = sim.scheduleAfter(runNanos, kindDone, e, tasks.gen[e]);
    }

    private void onDone(int e, long payload) {
        if ((int) payload != tasks.gen[e]) {
            return;
        }
        Node node = cluster.node(tasks.node[e]);
        if (node.incarnation != tasks.incarnation[e]) {
            return;
        }
        cluster.release(node, cpuMilli, 0);
        int parent = outer(taskOf(e));
        if (!isChild(e)) {
            if (spec.nestedChild()) {
                tasks.transition(e, WAITING);
                submitChild(taskOf(e));
            } else {
                tasks.unlink(e);
                finish(e);
            }
        } else {
            tasks.unlink(e);
            tasks.transition(e, NONE);
            // The 50 KiB result goes inline to the owner; a dead owner drops it.
            if (tasks.state[parent] == WAITING && ownerAlive(parent)) {
                tasks.unlink(parent);
                finish(parent);
            }
        }
        dispatch();
    }

    private void submitChild(int task) {
        int c = child(task);
        Check.that(tasks.state[c] == NONE, "child submitted while another is live", task);
        tasks.attempt[c] = 0;
        tasks.retriesUsed[c] = 0;
        tasks.preempted[c] = 0;
        makePending(c);
    }

    private void finish(int e) {
        byte s = tasks.state[e];
        if (s == FINISHED || s == FAILED) {
            monitor.violation(Inv.MONOTONIC_STATES, describe(e) + " finished again");
            return;
        }
        tasks.transition(e, FINISHED);
        long now = sim.nowNanos();
        completed++;
        lastCompletionNanos = now;
        completionMillis.recordValue((now - tasks.submitNanos[taskOf(e)]) / SimTime.NANOS_PER_MILLI);
    }

    private boolean ownerAlive(int parent) {
        Node node = cluster.node(tasks.node[parent]);
        return node.status != NodeStatus.DOWN && node.incarnation == tasks.incarnation[parent];
    }

    /** The attempt failed; the caller has released its CPU if its node is alive. */
    private void failAttempt(int e, ErrorType type, boolean preempted) {
        byte s = tasks.state[e];
        failures.record(e, tasks.attempt[e], type, sim.nowNanos());
        if (type == ErrorType.NODE_DIED) {
            lostAttempts++;
        }
        if (preempted) {
            tasks.preempted[e]++;
        }
        sim.cancel(tasks.handle[e]);
        tasks.unlink(e);
        if (!isChild(e)) {
            if (s == WAITING) {
                abandonChild(taskOf(e));
            }
            applyRetry(e, type, preempted);
            return;
        }
        int parent = outer(taskOf(e));
        if (tasks.state[parent] == WAITING && ownerAlive(parent)) {
            applyRetry(e, type, preempted);
        } else {
            tasks.transition(e, NONE);
        }
    }

    /** The owner's decision (R-1..R-3), checked against INV-19. */
    private void applyRetry(int e, ErrorType type, boolean preempted) {
        int max = spec.maxRetries();
        int attempt = tasks.attempt[e];
        int decision = retryPolicy.afterFailure(max, tasks.retriesUsed[e], type, preempted);
        if (decision == RetryPolicy.GIVE_UP) {
            int counted = attempt + 1 - tasks.preempted[e];
            if (max < 0) {
                monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " ended in error with "
                        + "max_retries=-1 after " + type);
            } else if (counted <= max) {
                monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " ended in error after "
                        + counted + " counted failures, max_retries=" + max);
            }
            endInError(e);
            return;
        }
        if (max >= 0 && attempt + 2 > max + 1 + tasks.preempted[e]) {
            monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " retried as attempt "
                    + (attempt + 1) + ", beyond max_retries=" + max + " + "
                    + tasks.preempted[e] + " preempted");
        }
        tasks.retriesUsed[e] = decision;
        retries++;
        tasks.transition(e, RETRY_WAIT);
        if (retryDelayNanos == 0) {
            resubmit(e);
        } else {
            tasks.handle[e] = sim.scheduleAfter(retryDelayNanos, kindRetry, e, tasks.gen[e]);
        }
    }

    private void endInError(int e) {
        if (!isChild(e)) {
            tasks.transition(e, FAILED);
            failed++;
            return;
        }
        tasks.transition(e, NONE);
        // get() re-raises the child's error in the parent, an application error that is not
        // retried (retry_exceptions=False, R-1): the outer task ends in error.
        int parent = outer(taskOf(e));
        failures.record(parent, tasks.attempt[parent], ErrorType.TASK_EXECUTION_EXCEPTION,
                sim.nowNanos());
        tasks.unlink(parent);
        tasks.transition(parent, FAILED);
        failed++;
    }

    private void onRetry(int e, long payload) {
        if ((int) payload != tasks.gen[e]) {
            return;
        }
        resubmit(e);
        dispatch();
    }

    private void resubmit(int e) {
        if (tasks.state[e] != RETRY_WAIT) {
            monitor.violation(Inv.MONOTONIC_STATES, describe(e) + " resubmitted from state "
                    + tasks.state[e]);
            return;
        }
        if (isChild(e)) {
            int parent = outer(taskOf(e));
            if (tasks.state[parent] != WAITING || !ownerAlive(parent)) {
                tasks.transition(e, NONE);
                return;
            }
        }
        tasks.attempt[e]++;
        makePending(e);
    }

    /** The parent attempt is gone; its child is cancelled, lost with its node, or orphaned. */
    private void abandonChild(int task) {
        int c = child(task);
        byte s = tasks.state[c];
        if (s == PENDING || s == RETRY_WAIT) {
            sim.cancel(tasks.handle[c]);
            tasks.transition(c, NONE);
            return;
        }
        if (s != LEASED && s != RUNNING) {
            return;
        }
        int slot = tasks.node[c];
        Node node = cluster.node(slot);
        tasks.unlink(c);
        long due = sim.dueTimeOf(tasks.handle[c]);
        sim.cancel(tasks.handle[c]);
        if (node.status == NodeStatus.DOWN) {
            failures.record(c, tasks.attempt[c], ErrorType.NODE_DIED, sim.nowNanos());
            lostAttempts++;
        } else {
            tasks.orphanCpuMilli[slot] += cpuMilli;
            boolean startable = s == RUNNING || (node.hostUp && node.agentUp);
            if (due != Long.MIN_VALUE && startable) {
                long end = s == LEASED ? due + childRunNanos : due;
                sim.schedule(end, kindOrphanDone, slot, tasks.incarnation[c]);
            }
        }
        tasks.transition(c, NONE);
    }

    private void onOrphanDone(int slot, long incarnation) {
        Node node = cluster.node(slot);
        if (node.status == NodeStatus.DOWN || node.incarnation != (int) incarnation) {
            return;
        }
        tasks.orphanCpuMilli[slot] -= cpuMilli;
        cluster.release(node, cpuMilli, 0);
        dispatch();
    }

    /** the node was draining for preemption and its deadline has passed. */
    private boolean preemptedDeath(Node node) {
        return node.draining && node.drainDeadlineNanos > 0
                && node.drainDeadlineNanos != SimTime.NEVER
                && sim.nowNanos() >= node.drainDeadlineNanos;
    }

    private String describe(int e) {
        return "task " + taskOf(e) + (isChild(e) ? " (child)" : "") + " attempt "
                + tasks.attempt[e];
    }

    public long submitted() {
        return submitted;
    }

    public long completed() {
        return completed;
    }

    public long failed() {
        return failed;
    }

    public long lostAttempts() {
        return lostAttempts;
    }

    public long retries() {
        return retries;
    }

    public long pending() {
        return submitted - completed - failed;
    }

    public boolean allTerminal() {
        return submitted == tasks.taskCount && pending() == 0;
    }

    /** Time of the last FINISHED outer task, or -1. */
    public long lastCompletionNanos() {
        return lastCompletionNanos;
    }

    public int outerTaskCount() {
        return tasks.taskCount;
    }

    /** The attempts of outer task {@code task} so far, in order (cold; for reports and tests). */
    public List<TaskAttempt> attempts(int task) {
        int e = outer(task);
        List<TaskAttempt> out = failures.attemptsOf(e);
        byte s = tasks.state[e];
        int attempt = tasks.attempt[e];
        boolean currentLogged = !out.isEmpty() && out.get(out.size() - 1).attempt() == attempt;
        if (!currentLogged && s != NONE && s != RETRY_WAIT && s != FAILED) {
            AttemptState state = s == PENDING || s == LEASED ? AttemptState.PENDING_NODE_ASSIGNMENT
                    : s == FINISHED ? AttemptState.FINISHED : AttemptState.RUNNING;
            out.add(new TaskAttempt(attempt, state, null));
        }
        return out;
    }

    /** True if outer task {@code task} ended in error. */
    public boolean endedInError(int task) {
        return tasks.state[outer(task)] == FAILED;
    }

    /**
     * CPU each node's Ray attempts (leased or running) and orphaned children hold, recomputed
     * from the task columns, indexed by slot; the second path of INV-17 (the cluster compares it,
     * plus its allocations, with every alive node's tracked reservation).
     */
    public long[] reservedCpuMilliByNode() {
        return new LivenessAudit(cluster, tasks, cpuMilli).reservedByNode();
    }

    /** End of run: nothing held on DEAD nodes (INV-17), INV-23 and INV-26 (SEMANTICS §6). */
    public void checkLiveness() {
        new LivenessAudit(cluster, tasks, cpuMilli).run(this, CAPACITY_FREE_WINDOW_NANOS);
    }

    int firstNonTerminalTask() {
        for (int t = 0; t < tasks.taskCount; t++) {
            byte s = tasks.state[outer(t)];
            if (s != FINISHED && s != FAILED) {
                return t;
            }
        }
        return -1;
    }

    RayWorkloadSpec spec() {
        return spec;
    }
}
