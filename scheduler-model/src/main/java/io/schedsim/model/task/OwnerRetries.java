package io.schedsim.model.task;

import static io.schedsim.model.task.TaskColumns.FAILED;
import static io.schedsim.model.task.TaskColumns.NONE;
import static io.schedsim.model.task.TaskColumns.PENDING;
import static io.schedsim.model.task.TaskColumns.RETRY_WAIT;
import static io.schedsim.model.task.TaskColumns.RUNNING;
import static io.schedsim.model.task.TaskColumns.WAITING;
import static io.schedsim.model.task.TaskColumns.child;
import static io.schedsim.model.task.TaskColumns.isChild;
import static io.schedsim.model.task.TaskColumns.outer;
import static io.schedsim.model.task.TaskColumns.taskOf;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * What owners do when an attempt fails (R-1..R-3, R-10): record it, ask the {@link RetryPolicy},
 * check its answer against INV-19, and resubmit after the retry delay or end the task in error.
 * The driver owns outer tasks and never dies; a parent attempt owns its child, so a child whose
 * parent is gone is never retried and is resolved OWNER_DIED (or TASK_CANCELLED if it never ran):
 * a waiting one is dropped, and a running one is killed, its CPU released, once the owner's death
 * is reported (R-5, R-10: a worker kill by its live raylet, or the owner node's DEAD verdict), or
 * orphaned until then ({@link Orphans}). Each attempt's end and each task's resolution is
 * published to the run's history ({@link TaskHistory}).
 */
final class OwnerRetries {
    private final ModelContext context;
    private final StateStore state;
    private final Simulation sim;
    private final InvariantMonitor monitor;
    private final TaskColumns tasks;
    private final PendingQueues pending;
    private final FailureLog failures;
    private final RayStats stats;
    private final TaskHistory history;
    private final Orphans orphans;
    private final RetryPolicy policy;
    private final int maxRetries;
    /** Ray's {@code retry_exceptions} of every task of the workload. */
    private final boolean retryExceptions;
    private final long retryDelayNanos;
    /**
     * The OOM budget of every task: task_oom_retries, or 0 for a task with max_retries 0
     * (task_manager.cc {@code max_oom_retries}); -1 unlimited.
     */
    private final int oomRetries;
    private final long oomDelayBaseNanos;
    /** Per entry: the policy's OOM count (as {@code retriesUsed}), and OOM failures so far. */
    private final int[] oomRetriesUsed;
    private final int[] oomFailures;
    private final LeaseResources resources;
    private final AffinityWatch affinity;
    private int kindRetry;
    private int kindOrphanDone;
    /** The node whose every attempt is failing now, or -1. */
    private int dyingSlot = -1;
    /**
     * Whether the raylets hear of the deaths of owners failing now: a worker killed under a live
     * raylet is reported (to the GCS, which publishes it), a node's DEAD verdict is published;
     * the workers of a killed raylet or of a restarted node die unreported.
     */
    private boolean deathReported = true;

    OwnerRetries(ModelContext context, TaskColumns tasks, PendingQueues pending, FailureLog failures,
            RayStats stats, TaskHistory history, Orphans orphans, RetryPolicy policy,
            RayWorkloadSpec spec, long retryDelayNanos, LeaseResources resources,
            AffinityWatch affinity) {
        int configured = context.config().taskOomRetries;
        this.oomRetries = oomBudget(spec.maxRetries(), configured);
        this.oomDelayBaseNanos = SimTime.millis(context.config().taskOomRetryDelayBaseMillis);
        this.oomRetriesUsed = new int[2 * spec.outerTasks()];
        this.oomFailures = new int[2 * spec.outerTasks()];
        this.context = context;
        this.state = context.state();
        this.sim = context.sim();
        this.monitor = context.checks();
        this.tasks = tasks;
        this.pending = pending;
        this.failures = failures;
        this.stats = stats;
        this.history = history;
        this.orphans = orphans;
        this.policy = policy;
        this.maxRetries = spec.maxRetries();
        this.retryExceptions = spec.retryExceptions();
        this.retryDelayNanos = retryDelayNanos;
        this.resources = resources;
        this.affinity = affinity;
    }

    /** A task's OOM budget: none with max_retries 0, else task_oom_retries. */
    static int oomBudget(int maxRetries, int taskOomRetries) {
        return maxRetries != 0 ? taskOomRetries : 0;
    }

    /** A fresh child starts with no OOM failures (its attempts count from 0). */
    void resetOom(int e) {
        oomRetriesUsed[e] = 0;
        oomFailures[e] = 0;
    }

    void setKinds(int kindRetry, int kindOrphanDone) {
        this.kindRetry = kindRetry;
        this.kindOrphanDone = kindOrphanDone;
    }

    /**
     * Every attempt on {@code slot} is being failed (its node DEAD, or its raylet's workers gone):
     * a child there whose parent fails in the same sweep dies with it, never orphaned; the owners'
     * deaths are {@code reported} or not (see {@link #deathReported}). {@code (-1, true)} ends it.
     */
    void dying(int slot, boolean reported) {
        dyingSlot = slot;
        deathReported = reported;
    }

    /** True while the parent attempt's process lives (ground truth: it receives results). */
    boolean ownerAlive(int parent) {
        Node node = state.node(tasks.node(parent));
        return node.status() != NodeStatus.DOWN && node.incarnation() == tasks.incarnation(parent);
    }

    /** The attempt failed; the caller has released its CPU if its node is alive. */
    void failAttempt(int e, ErrorType type, boolean preempted) {
        byte s = tasks.state(e);
        failures.record(e, tasks.attempt(e), type, sim.nowNanos());
        history.failed(history.id(e), tasks.attempt(e), tasks.node(e), TaskHistory.of(type));
        if (type == ErrorType.NODE_DIED) {
            stats.lostAttempts++;
        }
        if (preempted) {
            tasks.addPreempted(e);
        }
        sim.cancel(tasks.handle(e));
        tasks.unlink(e);
        if (!isChild(e)) {
            if (s == WAITING) {
                abandonChild(taskOf(e));
            }
            applyRetry(e, type, preempted);
            return;
        }
        int parent = outer(taskOf(e));
        if (tasks.state(parent) == WAITING && ownerAlive(parent)) {
            applyRetry(e, type, preempted);
        } else {
            tasks.transition(e, NONE);
            history.resolved(history.id(e), io.schedsim.history.ErrorType.OWNER_DIED);
        }
    }

    /**
     * The owner's decision (R-1..R-3), checked against INV-19: an application error is retried
     * only with retry_exceptions on, and then counts like a system failure.
     */
    private void applyRetry(int e, ErrorType type, boolean preempted) {
        if (type == ErrorType.OUT_OF_MEMORY) {
            applyOomRetry(e);
            return;
        }
        int attempt = tasks.attempt(e);
        boolean unretriable = type == ErrorType.TASK_EXECUTION_EXCEPTION && !retryExceptions;
        int decision = policy.mayRetry(type, retryExceptions)
                ? policy.afterFailure(maxRetries, tasks.retriesUsed(e), type, preempted)
                : RetryPolicy.GIVE_UP;
        if (decision == RetryPolicy.GIVE_UP && unretriable) {
            endInError(e, type);
            return;
        }
        if (unretriable) {
            monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " retried after an application "
                    + "error with retry_exceptions=False");
        }
        if (decision == RetryPolicy.GIVE_UP) {
            int counted = attempt + 1 - tasks.preempted(e) - oomFailures[e];
            if (maxRetries < 0) {
                monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " ended in error with "
                        + "max_retries=-1 after " + type);
            } else if (counted <= maxRetries) {
                monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " ended in error after "
                        + counted + " counted failures, max_retries=" + maxRetries);
            }
            endInError(e, type);
            return;
        }
        if (maxRetries >= 0
                && attempt + 2 > maxRetries + 1 + tasks.preempted(e) + oomFailures[e]) {
            monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " retried as attempt "
                    + (attempt + 1) + ", beyond max_retries=" + maxRetries + " + "
                    + tasks.preempted(e) + " preempted + " + oomFailures[e] + " OOM");
        }
        tasks.setRetriesUsed(e, decision);
        retryAfter(e, retryDelayNanos);
    }

    /**
     * an OOM kill is retried under its own counter, never max_retries, after an exponential
     * backoff of the failed attempt's number (task_manager.cc: {@code
     * ExponentialBackoff::GetBackoffMs(attempt, task_oom_retry_delay_base_ms)}, capped at 60 s).
     * Checked against INV-19: giving up with OOM retries left, or retrying past them, is a
     * violation.
     */
    private void applyOomRetry(int e) {
        int attempt = tasks.attempt(e);
        oomFailures[e]++;
        int decision = policy.afterOutOfMemory(oomRetries, oomRetriesUsed[e]);
        if (decision == RetryPolicy.GIVE_UP) {
            if (oomRetries < 0 || oomFailures[e] <= oomRetries) {
                monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " ended in error after "
                        + oomFailures[e] + " OOM kills, task_oom_retries=" + oomRetries);
            }
            endInError(e, ErrorType.OUT_OF_MEMORY);
            return;
        }
        if (oomRetries >= 0 && oomFailures[e] > oomRetries) {
            monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " retried after OOM kill "
                    + oomFailures[e] + ", beyond task_oom_retries=" + oomRetries);
        }
        oomRetriesUsed[e] = decision;
        retryAfter(e, oomBackoffNanos(attempt));
    }

    /** min(base × 2^attempt, 60 s): Ray's ExponentialBackoff with its default cap. */
    private long oomBackoffNanos(int attempt) {
        if (oomDelayBaseNanos == 0) {
            return 0;
        }
        long cap = SimTime.seconds(60);
        return attempt >= 30 ? cap : Math.min(cap, oomDelayBaseNanos << attempt);
    }

    private void retryAfter(int e, long delayNanos) {
        stats.retries++;
        tasks.transition(e, RETRY_WAIT);
        if (delayNanos == 0) {
            resubmit(e);
        } else {
            tasks.setHandle(e, sim.scheduleAfter(delayNanos, kindRetry, e, tasks.gen(e)));
        }
    }

    private void endInError(int e, ErrorType type) {
        history.resolved(history.id(e), TaskHistory.of(type));
        if (!isChild(e)) {
            tasks.transition(e, FAILED);
            stats.outerFailed(sim.nowNanos());
            stats.raised += type == ErrorType.TASK_EXECUTION_EXCEPTION && !retryExceptions ? 1 : 0;
            stats.outOfMemory += type == ErrorType.OUT_OF_MEMORY ? 1 : 0;
            return;
        }
        tasks.transition(e, NONE);
        parentRaises(outer(taskOf(e)));
    }

    /**
     * get() re-raises the child's error in the parent, an application error: retried like
     * any other with retry_exceptions on, else the outer task ends in error at once. A cancelled
     * child's get raises TaskCancelledError the same way (python/ray/exceptions.py: a RayError the
     * caller's code sees; nothing in task_manager.cc cancels the caller).
     */
    private void parentRaises(int parent) {
        if (retryExceptions) {
            failAttempt(parent, ErrorType.TASK_EXECUTION_EXCEPTION, false);
            return;
        }
        failures.record(parent, tasks.attempt(parent), ErrorType.TASK_EXECUTION_EXCEPTION,
                sim.nowNanos());
        if (history.on()) {
            io.schedsim.history.ErrorType raised =
                    TaskHistory.of(ErrorType.TASK_EXECUTION_EXCEPTION);
            history.failed(history.id(parent), tasks.attempt(parent), tasks.node(parent), raised);
            history.resolved(history.id(parent), raised);
        }
        tasks.unlink(parent);
        tasks.transition(parent, FAILED);
        stats.outerFailed(sim.nowNanos());
        stats.raised++;
    }

    /**
     * {@code ray.cancel(ref, force, recursive)} by the task's owner, on a task not yet
     * resolved. ray:src/ray/core_worker/transport/normal_task_submitter.cc {@code CancelTask}
     * first calls task_manager.cc {@code MarkTaskCanceled}, which sets the task's retries and OOM
     * retries left to 0, so whatever ends the attempt, the task is never retried. Then: a task
     * queued for a lease leaves the queue and fails TASK_CANCELLED without running ({@code
     * FailPendingTask}); so does one between attempts (waiting out its retry delay: neither
     * queued nor executing); a running one gets KeyboardInterrupt ({@code force=false}) or its
     * worker killed ({@code force=true}) and its attempt fails TASK_CANCELLED, its CPU released.
     * Model choice: the owner fails the attempt at the call, without the CancelTask RPC's round
     * trip, also when the worker's node is dead but not yet declared (its death would end the
     * attempt anyway, and no retry follows). A parent blocked in get is running in Ray: with
     * {@code recursive} its child is cancelled first (its get raises nothing, the parent is gone
     * too; core_worker.cc {@code CancelChildren}); without, the child is abandoned as when its
     * owner dies. A child cancelled on its own resolves TASK_CANCELLED, and its parent's get
     * raises TaskCancelledError ({@link #parentRaises}). {@code force} changes nothing else here:
     * the worker's later life is not modelled.
     */
    void cancel(int e, boolean recursive) {
        if (!isChild(e) && tasks.state(e) == WAITING) {
            if (recursive) {
                cancelEntry(child(taskOf(e)), false);
            } else {
                abandonChild(taskOf(e));
            }
        }
        cancelEntry(e, true);
    }

    private void cancelEntry(int e, boolean parentSees) {
        byte s = tasks.state(e);
        if (s != PENDING && s != RUNNING && s != WAITING && s != RETRY_WAIT) {
            return;
        }
        long id = history.id(e);
        int attempt = tasks.attempt(e);
        if (s != RETRY_WAIT) {
            int slot = s == PENDING ? -1 : tasks.node(e);
            if (s == RUNNING) {
                resources.release(state.node(slot), 1);
                history.released(id, attempt, slot);
            }
            failures.record(e, attempt, ErrorType.TASK_CANCELLED, sim.nowNanos());
            history.failed(id, attempt, slot, TaskHistory.of(ErrorType.TASK_CANCELLED));
        }
        sim.cancel(tasks.handle(e));
        tasks.unlink(e);
        if (policy.mayRetry(ErrorType.TASK_CANCELLED, retryExceptions)) {
            monitor.violation(Inv.RETRY_BOUNDS, describe(e) + " retried after it was cancelled"
                    + " (R-1)");
            retryAfter(e, retryDelayNanos);
            return;
        }
        history.resolved(id, TaskHistory.of(ErrorType.TASK_CANCELLED));
        if (!isChild(e)) {
            tasks.transition(e, FAILED);
            stats.outerFailed(sim.nowNanos());
            stats.cancelled++;
            return;
        }
        tasks.transition(e, NONE);
        int parent = outer(taskOf(e));
        if (parentSees && tasks.state(parent) == WAITING && ownerAlive(parent)) {
            parentRaises(parent);
        }
    }

    /**
     * the entry's hard NODE_AFFINITY target cannot be used, so the raylet cancelled its
     * lease request (SCHEDULING_CANCELLED_UNSCHEDULABLE): the queued attempt fails
     * TASK_UNSCHEDULABLE and the task resolves so, never retried. A child's parent sees the
     * error from get and raises, as for any child error it does not retry.
     */
    void unschedulable(int e) {
        long id = history.id(e);
        int attempt = tasks.attempt(e);
        failures.record(e, attempt, ErrorType.TASK_UNSCHEDULABLE, sim.nowNanos());
        history.failed(id, attempt, -1, TaskHistory.of(ErrorType.TASK_UNSCHEDULABLE));
        tasks.unlink(e);
        history.resolved(id, TaskHistory.of(ErrorType.TASK_UNSCHEDULABLE));
        if (!isChild(e)) {
            tasks.transition(e, FAILED);
            stats.outerFailed(sim.nowNanos());
            stats.unschedulable++;
            return;
        }
        tasks.transition(e, NONE);
        int parent = outer(taskOf(e));
        if (tasks.state(parent) == WAITING && ownerAlive(parent)) {
            parentRaises(parent);
        }
    }

    /** The retry delay is over: the owner submits the next attempt (consecutive numbers). */
    void resubmit(int e) {
        if (tasks.state(e) != RETRY_WAIT) {
            monitor.violation(Inv.MONOTONIC_STATES, describe(e) + " resubmitted from state "
                    + tasks.state(e));
            return;
        }
        if (isChild(e)) {
            int parent = outer(taskOf(e));
            if (tasks.state(parent) != WAITING || !ownerAlive(parent)) {
                tasks.transition(e, NONE);
                history.resolved(history.id(e), io.schedsim.history.ErrorType.OWNER_DIED);
                return;
            }
        }
        tasks.setAttempt(e, tasks.attempt(e) + 1);
        affinity.attemptSubmitted(e);
        pending.add(e);
        history.pending(e, tasks.attempt(e));
    }

    /** The parent attempt is gone; its child is cancelled, lost with its node, or orphaned. */
    private void abandonChild(int task) {
        int c = child(task);
        byte s = tasks.state(c);
        if (s == PENDING || s == RETRY_WAIT) {
            sim.cancel(tasks.handle(c));
            tasks.transition(c, NONE);
            abandoned(c, s == PENDING);
            return;
        }
        if (s != RUNNING) {
            return;
        }
        int slot = tasks.node(c);
        Node node = state.node(slot);
        tasks.unlink(c);
        long doneAt = sim.dueTimeOf(tasks.handle(c));
        sim.cancel(tasks.handle(c));
        long id = history.id(c);
        if (node.status() == NodeStatus.DOWN || slot == dyingSlot) {
            // Within the node's death (RayWorkload.onNodeDown) or its workers' exit
            // (onWorkersExited), which releases its reservation.
            failures.record(c, tasks.attempt(c), ErrorType.NODE_DIED, sim.nowNanos());
            stats.lostAttempts++;
            history.failed(id, tasks.attempt(c), slot,
                    io.schedsim.history.ErrorType.NODE_DIED);
        } else if (deathReported && policy.killsWorkersOfDeadOwner()
                && workerAlive(node, tasks.incarnation(c))) {
            failures.record(c, tasks.attempt(c), ErrorType.OWNER_DIED, sim.nowNanos());
            killLeasedWorker(node, id, tasks.attempt(c));
        } else {
            // Orphaned: it keeps its CPU until its run ends, its node dies, or (unless the
            // policy keeps orphans) its owner's node is declared DEAD; its result is dropped.
            int ownerSlot = tasks.node(outer(task));
            orphans.add(slot, id, tasks.attempt(c), tasks.incarnation(c), doneAt, ownerSlot);
            if (doneAt != Long.MIN_VALUE) {
                sim.post(doneAt, kindOrphanDone, slot, tasks.incarnation(c));
            }
        }
        history.resolved(id, io.schedsim.history.ErrorType.OWNER_DIED);
        tasks.transition(c, NONE);
    }

    /**
     * The worker's processes are the ones it was granted in, and they run: only a live raylet
     * can kill it; a dead one's workers die with it and are failed with their node.
     */
    private static boolean workerAlive(Node node, int incarnation) {
        return node.status() != NodeStatus.DOWN && node.incarnation() == incarnation
                && node.hostUp() && node.agentUp();
    }

    /**
     * The raylet kills the worker leased to a dead owner (node_manager.cc, {@code KillAsync}):
     * its CPU is released now, its attempt FAILED OWNER_DIED; nobody is left to retry it.
     * The SIGTERM-to-SIGKILL grace ({@code kill_worker_timeout_milliseconds}) is not modelled.
     */
    private void killLeasedWorker(Node node, long id, int attempt) {
        resources.release(node, 1);
        history.released(id, attempt, node.slot());
        history.failed(id, attempt, node.slot(), io.schedsim.history.ErrorType.OWNER_DIED);
    }

    /**
     * node {@code ownerSlot} was declared DEAD, so every raylet kills the workers leased to
     * owners that ran there ({@code NodeRemoved}): the orphans of owners whose death went
     * unreported (a killed raylet's workers) release their CPU now. Orphans on dead processes
     * are left to their own node's death. True if any CPU was freed.
     */
    boolean ownerNodeDied(int ownerSlot) {
        if (!policy.killsWorkersOfDeadOwner()) {
            return false;
        }
        boolean freed = false;
        for (int i = 0; i < orphans.size(); i++) {
            Node node = state.node(orphans.slot(i));
            if (orphans.ownerSlot(i) == ownerSlot && orphans.slot(i) != ownerSlot
                    && workerAlive(node, orphans.incarnation(i))) {
                killLeasedWorker(node, orphans.task(i), orphans.attempt(i));
                orphans.remove(i--);
                freed = true;
            }
        }
        return freed;
    }

    /** A child waiting for a node or a retry is dropped with its owner: it never runs again. */
    private void abandoned(int c, boolean pendingAttempt) {
        if (!history.on()) {
            return;
        }
        io.schedsim.history.ErrorType why = pendingAttempt && tasks.attempt(c) == 0
                ? io.schedsim.history.ErrorType.TASK_CANCELLED
                : io.schedsim.history.ErrorType.OWNER_DIED;
        if (pendingAttempt) {
            history.failed(history.id(c), tasks.attempt(c), -1, why);
        }
        history.resolved(history.id(c), why);
    }

    /**
     * An orphan's run ended: free its CPU unless it died with its node, or its reservation left
     * with the node's earlier death (no record of it any more).
     */
    boolean orphanDone(int slot, int incarnation) {
        Node node = state.node(slot);
        if (node.status() == NodeStatus.DOWN || node.incarnation() != incarnation || !node.hostUp()
                || !node.agentUp()) {
            return false;
        }
        int orphan = orphans.endingNow(slot, incarnation, sim.nowNanos());
        if (orphan < 0) {
            return false;
        }
        history.released(orphans.task(orphan), orphans.attempt(orphan), slot);
        history.finished(orphans.task(orphan), orphans.attempt(orphan), slot);
        orphans.remove(orphan);
        resources.release(node, 1);
        return true;
    }

    String describe(int e) {
        return "task " + taskOf(e) + (isChild(e) ? " (child)" : "") + " attempt "
                + tasks.attempt(e);
    }
}
