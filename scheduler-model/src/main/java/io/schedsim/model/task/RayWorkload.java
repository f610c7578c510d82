package io.schedsim.model.task;

import static io.schedsim.model.task.TaskColumns.FAILED;
import static io.schedsim.model.task.TaskColumns.FINISHED;
import static io.schedsim.model.task.TaskColumns.NIL;
import static io.schedsim.model.task.TaskColumns.NONE;
import static io.schedsim.model.task.TaskColumns.RETRY_WAIT;
import static io.schedsim.model.task.TaskColumns.RUNNING;
import static io.schedsim.model.task.TaskColumns.WAITING;
import static io.schedsim.model.task.TaskColumns.child;
import static io.schedsim.model.task.TaskColumns.isChild;
import static io.schedsim.model.task.TaskColumns.outer;
import static io.schedsim.model.task.TaskColumns.taskOf;

import io.schedsim.core.check.Check;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.metrics.LatencyRecorder;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.placement.RayRequest;
import io.schedsim.model.placement.RayStrategy;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.List;

/**
 * The Ray task workload of SC-1 on a cluster: submission, leases, runs, nested children, failures
 * and retries. An attempt is PENDING in a queue (children first, then outer tasks, each FIFO) →
 * leased: its CPU is reserved at once and its worker runs it from the lease latency on → FINISHED,
 * or FAILED(WORKER_DIED | NODE_DIED) and retried by its owner under the {@link RetryPolicy}. Outer
 * tasks are owned by the driver on the head (never killed, INV-20); a child by its parent attempt.
 * Events carry the entry (task × 2 + child) and its state generation, so a stale one is dropped.
 *
 * <p>Model choices, beyond SEMANTICS: (1) a parent blocked in {@code get} releases its CPU (§2.3)
 * and, when the child's inline result arrives, finishes at once: its post-get work takes no time,
 * so it never re-acquires the CPU. (2) A child whose owner died is never retried: its raylet kills
 * it, releasing its CPU, as soon as the owner's death is reported (R-5, R-10: a worker killed
 * under a live raylet, or the owner node's DEAD verdict); until then (the owner's raylet was
 * killed, R-16) it is orphaned, keeps its CPU and may run to completion, its result dropped. The
 * parent's retry submits a fresh child whose attempts and retries count from 0. (3) A lease can go to a node that died but is not yet DEAD (the server
 * cannot tell); the attempt then never finishes and fails NODE_DIED when the node is declared DEAD,
 * so no request hangs forever. When a killed raylet's workers exit, owners fail
 * the attempts running there at once, before the DEAD verdict. Whether the worker is alive is judged when the attempt would
 * finish: its node's processes are the ones of the grant (incarnation) and host and agent are up,
 * so work of a killed agent stops at once rather than within R-16's second. (4) The run time is
 * fixed at the grant (one event per attempt), so a slowdown applies to attempts leased after it.
 * (5) Lease requests: the owner's raylet (the head's for the driver, the parent's
 * node for a child) grants a request, queues it, or redirects it once to the node the hybrid
 * policy picks, whose raylet grants or queues it (depth ≤ 1, INV-22); a raylet's queue is FIFO
 * and the redirect and the arrival happen in the same step, so a redirected request is never
 * rejected on arrival. Raylets share one view, the server's. Requests queued at a busy raylet
 * move when another node has a CPU free ({@link #dispatch}); those at a node that dies, is
 * restarted, loses its raylet or stops taking leases go back to their owners, which ask again
 * ({@link RayletQueues}).
 *
 * <p>History ({@link TaskHistory}, docs/history.md): an attempt is RUNNING from its lease (the
 * state API has no state between), a parent blocked in get stays RUNNING with its CPU released,
 * and every reservation is published per holder, orphans included ({@link Orphans}).
 */
public final class RayWorkload {
    /** The driver's node: the head, slot 0 (SC-1). Outer tasks prefer it. */
    static final int DRIVER_NODE = 0;
    private static final long CAPACITY_FREE_WINDOW_NANOS = SimTime.seconds(60);
    /**
     * Ray's {@code max_pending_lease_requests_per_scheduling_category} (default 10): the driver
     * keeps at most this many lease requests for its outer tasks waiting at busy raylets; the
     * rest wait in its own queue (normal_task_submitter.cc). A child's owner has one request.
     */
    static final int MAX_PENDING_LEASE_REQUESTS = 10;
    /** Bound on redirects a (broken) placement can chain; the right answer stops at one. */
    private static final int MAX_REDIRECTS = 8;

    private final ModelContext context;
    private final StateStore state;
    private final Simulation sim;
    private final InvariantMonitor monitor;
    private final RayWorkloadSpec spec;
    private final RayPlacement placement;
    private final TaskColumns tasks;
    private final FailureLog failures = new FailureLog();
    private final RayStats stats = new RayStats();
    private final Orphans orphans = new Orphans();
    private final TaskHistory history;
    private final PendingQueues pending;
    private final RayletQueues raylets;
    private final OwnerRetries owners;
    private final IntArrayList scratch = new IntArrayList();
    private final IntArrayList served = new IntArrayList();
    private final LatencyRecorder completionMillis;
    private final long cpuMilli;
    /** What each lease request asks and what each lease holds. */
    private final RayRequest request;
    private final LeaseResources resources;
    private final boolean hardAffinity;
    private final AffinityWatch affinity;
    private final long leaseLatencyNanos;
    private long holdRunNanos;
    private long childRunNanos;
    private int kindDone = -1;
    private int kindDispatch;
    private boolean dispatchScheduled;

    public RayWorkload(ModelContext context, RayWorkloadSpec spec, RayPlacement placement,
            RetryPolicy retryPolicy) {
        this.context = context;
        this.state = context.state();
        this.sim = context.sim();
        this.monitor = context.checks();
        this.spec = spec;
        this.placement = placement;
        this.tasks = new TaskColumns(spec.outerTasks());
        this.pending = new PendingQueues(tasks);
        this.raylets = new RayletQueues(tasks);
        this.cpuMilli = spec.cpuMilliPerTask();
        this.request = spec.placement().request(cpuMilli);
        this.resources = new LeaseResources(state, request);
        boolean affinity = request.strategy() == RayStrategy.NODE_AFFINITY;
        this.hardAffinity = affinity && !request.soft();
        this.affinity = new AffinityWatch(state, sim, request, spec.outerTasks() * 2);
        this.history = new TaskHistory(context.history(), spec,
                OwnerRetries.oomBudget(spec.maxRetries(), context.config().taskOomRetries),
                cpuMilli);
        this.owners = new OwnerRetries(context, tasks, pending, failures, stats, history, orphans,
                retryPolicy, spec,
                SimTime.millis(context.config().taskRetryDelayMillis), resources,
                this.affinity);
        this.completionMillis = sim.metrics().recorder("taskCompletion");
        this.leaseLatencyNanos = SimTime.millis(context.config().leaseLatencyMillis);
        this.holdRunNanos = spec.holdNanos();
        this.childRunNanos = spec.childCpuNanos();
        tasks.ensureNodes(Math.max(0, state.nodeSlotCount() - 1));
    }

    /** Registers the event kinds and schedules the driver's submission of every outer task. */
    public void start() {
        Check.that(kindDone < 0, "RayWorkload started twice");
        int kindSubmit = sim.registerKind("ray.submit", (entity, payload) -> submitAll());
        kindDone = sim.registerKind("ray.done", this::onDone);
        kindDispatch = sim.registerKind("ray.dispatch", (slot, payload) -> {
            dispatchScheduled = false;
            dispatch();
        });
        int kindRetry = sim.registerKind("ray.retry", this::onRetry);
        int kindOrphanDone = sim.registerKind("ray.orphanDone", this::onOrphanDone);
        owners.setKinds(kindRetry, kindOrphanDone);
        sim.post(Math.max(sim.nowNanos(), spec.submitAtNanos()), kindSubmit, 0, 0);
    }

    /**
     * Reports every lease from now on to {@code observer} (a timeline's occupancy recorder);
     * install it before the first event so that no attempt arrives unseen.
     */
    public void observeLeases(LeaseObserver observer) {
        Check.that(observer != null, "null lease observer");
        tasks.observe(observer, sim);
    }

    /** The GCS declared the node DEAD: every attempt there fails NODE_DIED. */
    public void onNodeDown(Node node) {
        placement.onNodeChanged(node);
        affinity.nodeChanged(node);
        failEverythingOn(node, preemptedDeath(node), true);
    }

    /**
     * a killed raylet's workers have exited. Each owner's connection to its worker breaks
     * and it fails the attempt NODE_DIED at once (R-10's RPC-error path), long before the GCS
     * declares the node DEAD; the driver retries outer tasks, and a child whose parent worker
     * died here is abandoned as its owner died. The GCS still sees the node ALIVE, so its
     * reservations are released on a live node; leases granted to it from now on wait for its
     * DEAD verdict (model choice 3). Not preempted: R-11's reason comes only with a GCS death.
     */
    public void onWorkersExited(Node node) {
        if (node.status() == NodeStatus.DOWN) {
            return;
        }
        failEverythingOn(node, false, false);
    }

    /**
     * Fails every attempt on the node. {@code verdict}: the GCS declared it DEAD and published it,
     * so the raylets kill the workers leased to owners that ran there (R-10, {@code
     * NodeRemoved}); otherwise its workers died unreported and their children are orphaned.
     */
    private void failEverythingOn(Node node, boolean preempted, boolean verdict) {
        int slot = node.slot();
        failQueuedRequests(slot);
        scratch.clear();
        int heldLeases = 0;
        for (int e = tasks.first(slot); e != NIL; e = tasks.next(e)) {
            scratch.add(e);
            if (tasks.state(e) == RUNNING) {
                heldLeases++;
                history.released(e, tasks.attempt(e), slot);
            }
        }
        // Orphans already running here die too; children orphaned by the loop below were
        // counted above as running entries of this node.
        int orphansBefore = orphans.countOn(slot);
        heldLeases += orphansBefore;
        for (int i = 0; i < orphans.size(); i++) {
            if (orphans.slot(i) == slot) {
                history.released(orphans.task(i), orphans.attempt(i), slot);
            }
        }
        owners.dying(slot, verdict);
        for (int i = 0; i < scratch.size(); i++) {
            int e = scratch.getInt(i);
            // An earlier failure in this loop may have settled a child already.
            if (tasks.linked(e) && tasks.node(e) == slot) {
                owners.failAttempt(e, ErrorType.NODE_DIED, preempted);
            }
        }
        owners.dying(-1, true);
        orphansDied(slot);
        if (verdict) {
            owners.ownerNodeDied(slot);
        }
        // The reservations leave with the node. Under Nomad TTL detection a down node can
        // come back and re-register, so they are released rather than left behind.
        resources.release(node, heldLeases);
        dispatch();
    }

    /** Every orphan on the node dies with it; their reservations leave with the node. */
    private void orphansDied(int slot) {
        for (int i = orphans.size() - 1; i >= 0; i--) {
            if (orphans.slot(i) == slot) {
                history.failed(orphans.task(i), orphans.attempt(i), slot,
                        io.schedsim.history.ErrorType.NODE_DIED);
                orphans.remove(i);
            }
        }
    }

    /**
     * The node came back under the same identity before it was declared dead (Nomad-style
     * restart): its new agent knows nothing of earlier attempts, so they fail NODE_DIED now
     * rather than hang. Never preempted, even if the node died Ray-draining past its
     * deadline: R-11's reason comes only with the GCS's death verdict, which this node never got
     * (as for the workers of a killed raylet, {@link #onWorkersExited}).
     */
    public void onNodeRestarted(Node node) {
        placement.onNodeChanged(node);
        affinity.nodeChanged(node);
        failEverythingOn(node, false, false);
    }

    /**
     * resources freed outside Ray (a Nomad allocation stopped or finished) make waiting
     * tasks placeable without any Ray event; the queue is looked at again after the current
     * event, as a raylet reacts to a resource update.
     */
    public void onCapacityFreed(Node node) {
        if (!dispatchScheduled && (pending.peek() != NIL || raylets.size() > 0)) {
            dispatchScheduled = true;
            sim.post(sim.nowNanos(), kindDispatch, node.slot(), 0);
        }
    }

    /**
     * The node stopped taking leases (a Ray drain accepted, R-15; a Nomad drain; disconnected):
     * the requests queued at its raylet are failed fast back to their owners, who ask again
     * (ray#57834), and nothing is granted there any more.
     */
    public void onNodeUnschedulable(Node node) {
        placement.onNodeChanged(node);
        affinity.nodeChanged(node);
        if (!placement.grantsQueued(node)) {
            failQueuedRequests(node.slot());
            dispatch();
        }
    }

    /**
     * every request queued at the node's raylet goes back to its owner, which
     * re-sends it from its own raylet. A failed lease request is not a failed task: the attempt
     * and its retry count stay (ray#20859: a failed request to a remote raylet retries locally).
     */
    private void failQueuedRequests(int slot) {
        for (int e = raylets.peek(slot); e != NIL; e = raylets.peek(slot)) {
            raylets.pop(slot, e);
            pending.add(e);
        }
    }

    /** A node became schedulable: dispatch what waits. */
    public void onNodeReady(Node node) {
        placement.onNodeChanged(node);
        dispatch();
    }

    /**
     * The node's processes died. The cluster has bumped {@code node.incarnation}; completions of
     * attempts there see the mismatch and drop, so nothing finishes there and the attempts wait,
     * in the server's view still leased or running, for {@link #onNodeDown}.
     */
    public void onWorkDied(Node node) {
        tasks.ensureNodes(node.slot());
    }

    /** F-3: the first running attempt on the node (grant order) fails WORKER_DIED now. */
    public boolean crashOneAttempt(Node node) {
        return crashAttempt(node, 0, ErrorType.WORKER_DIED);
    }

    /**
     * F-3 with a chosen victim and cause: attempt {@code pick} modulo the running attempts on the
     * node (grant order; 0 is the first) fails now with {@code cause}. WORKER_DIED: its worker
     * process is killed; a parent blocked in get is RUNNING in Ray's state API and can be killed
     * too, and so can OUT_OF_MEMORY's memory monitor (R-2: retried under task_oom_retries).
     * TASK_EXECUTION_EXCEPTION: the task raised; only an attempt executing its own code
     * can raise, so a parent blocked in get is no candidate (its child would otherwise be left
     * with a live owner the model takes for dead). False if no attempt qualifies.
     */
    public boolean crashAttempt(Node node, int pick, ErrorType cause) {
        Check.that(pick >= 0, "negative attempt pick", pick);
        Check.that(cause == ErrorType.WORKER_DIED || cause == ErrorType.TASK_EXECUTION_EXCEPTION
                || cause == ErrorType.OUT_OF_MEMORY, "not a task fault cause: " + cause);
        if (!node.hostUp() || !node.agentUp()) {
            return false;
        }
        boolean raises = cause == ErrorType.TASK_EXECUTION_EXCEPTION;
        scratch.clear();
        long now = sim.nowNanos();
        for (int e = tasks.first(node.slot()); e != NIL; e = tasks.next(e)) {
            byte s = tasks.state(e);
            boolean running = (s == RUNNING && now >= tasks.startNanos(e))
                    || (s == WAITING && !raises);
            if (running && node.incarnation() == tasks.incarnation(e)) {
                scratch.add(e);
            }
        }
        if (scratch.isEmpty()) {
            return false;
        }
        int e = scratch.getInt(pick % scratch.size());
        if (tasks.state(e) == RUNNING) {
            resources.release(node, 1);
            history.released(e, tasks.attempt(e), node.slot());
        }
        owners.failAttempt(e, cause, false);
        dispatch();
        return true;
    }

    /**
     * {@code ray.cancel(ref, force, recursive)} of a task chosen by {@code pick}: the
     * task picked modulo the unresolved ones (queued, leased or running, blocked in get on its
     * child, or waiting out a retry delay), in a stable order (outer task 0, its child, outer
     * task 1, ...). Its owner fails it TASK_CANCELLED and never retries it; with {@code
     * recursive} a parent's child is cancelled too ({@link OwnerRetries#cancel}). A cancelled
     * child's parent sees TaskCancelledError from get. Returns false if no task is unresolved
     * (Ray's cancel of a finished task does nothing). {@code force} (kill the worker rather than
     * interrupt it) ends the attempt the same way in the model.
     */
    public boolean cancelTask(int pick, boolean force, boolean recursive) {
        Check.that(pick >= 0, "negative task pick", pick);
        int unresolved = 0;
        for (int e = 0; e < tasks.taskCount * 2; e++) {
            unresolved += cancellable(e) ? 1 : 0;
        }
        if (unresolved == 0) {
            return false;
        }
        int left = pick % unresolved;
        for (int e = 0; e < tasks.taskCount * 2; e++) {
            if (cancellable(e) && left-- == 0) {
                history.cancelCall(e, force, recursive);
                owners.cancel(e, recursive);
                // Its request, if queued at a raylet, no longer counts as the driver's.
                int o = outer(taskOf(e));
                if (tasks.state(o) != TaskColumns.PENDING) {
                    raylets.forget(o);
                }
                break;
            }
        }
        dispatch();
        return true;
    }

    private boolean cancellable(int e) {
        byte s = tasks.state(e);
        return s == TaskColumns.PENDING || s == RUNNING || s == WAITING || s == RETRY_WAIT;
    }

    /** Outer tasks cancelled by {@code ray.cancel}: ended without a result, not retried. */
    public long cancelled() {
        return stats.cancelled;
    }

    /** Outer tasks failed TASK_UNSCHEDULABLE: a hard NODE_AFFINITY to an unusable node. */
    public long unschedulable() {
        return stats.unschedulable;
    }

    /** What each lease request of this workload asks of placement. */
    public RayRequest request() {
        return request;
    }

    /** Run times of attempts leased from now on are multiplied by {@code factor}. */
    public void setSlowdown(double factor) {
        Check.that(factor > 0 && !Double.isInfinite(factor), "slowdown must be positive");
        holdRunNanos = (long) (spec.holdNanos() * factor);
        childRunNanos = (long) (spec.childCpuNanos() * factor);
    }

    private void submitAll() {
        long now = sim.nowNanos();
        for (int t = 0; t < tasks.taskCount; t++) {
            tasks.submitNanos[t] = now;
            affinity.attemptSubmitted(outer(t));
            pending.add(outer(t));
            history.submitted(outer(t));
        }
        stats.submitted = tasks.taskCount;
        dispatch();
    }

    /**
     * Serves lease requests: first those queued at raylets where a CPU is
     * free now, in each raylet's FIFO order; then the owners' requests in their queue's order
     * (children first), each sent to its owner's raylet, which grants it, queues it or
     * redirects it once; last, requests still queued at busy raylets move to nodes with free
     * CPU (Ray's local lease manager spills a lease it cannot grant when the policy finds a
     * better node; a request already redirected is rejected instead and its owner asks again).
     */
    private void dispatch() {
        // Children first: a parent blocked in get released its CPU for its own child, which
        // reaches that raylet before the requests queued there are served again.
        sendOwnerRequests(true);
        if (raylets.anyDirty()) {
            grantQueued();
        }
        sendOwnerRequests(false);
        if (raylets.size() > 0 && placement.anyAvailable(request)) {
            spillQueued();
        }
    }

    /** The owners' requests, in their queue's order; {@code childrenOnly} stops at an outer one. */
    private void sendOwnerRequests(boolean childrenOnly) {
        for (int e = pending.peek(); e != NIL && (!childrenOnly || isChild(e)); e = pending.peek()) {
            int local = ownerNode(e);
            int slot = placement.pickNode(local, request);
            if (slot < 0) {
                if (!isChild(e) && raylets.driverRequests() >= MAX_PENDING_LEASE_REQUESTS) {
                    break;
                }
                slot = placement.pickFeasible(local, request);
                if (slot < 0) {
                    if (!hardAffinity) {
                        break;
                    }
                    // no node for a hard NODE_AFFINITY: its target is gone, draining or
                    // too small, and the raylet cancels the request; the owner fails the task.
                    pending.pop(e);
                    owners.unschedulable(e);
                    continue;
                }
            }
            pending.pop(e);
            if (!send(e, local, slot)) {
                break;
            }
        }
    }

    /** The owner's raylet: the driver's on the head for an outer task, the parent's for a child. */
    private int ownerNode(int e) {
        return isChild(e) ? tasks.node(outer(taskOf(e))) : DRIVER_NODE;
    }

    /**
     * The request for {@code e}, at the owner's raylet on {@code local}, goes where the policy
     * chose: the local raylet keeps it, or redirects it to {@code slot} (R-13, published as a
     * spillback), whose raylet must grant or queue it.
     */
    private boolean send(int e, int local, int slot) {
        int at = local;
        int redirects = 0;
        int next = slot;
        while (next != at && next >= 0 && redirects < MAX_REDIRECTS) {
            history.spilled(e, tasks.attempt(e), at, next);
            at = next;
            redirects++;
            next = placement.redirectedTo(at, request);
        }
        if (redirects > 1) {
            monitor.violation(Inv.SPILLBACK_DEPTH, "lease request of " + owners.describe(e)
                    + " redirected " + redirects + " times, last to node " + at);
        }
        return arrive(e, at, redirects);
    }

    /**
     * The raylet on {@code slot} grants the request now if it can, else queues it (FIFO). False
     * if it could do neither (a placement broke its contract and chose a busy node that takes
     * no leases): the request stays with its owner, so that the caller does not spin.
     */
    private boolean arrive(int e, int slot, int redirects) {
        Node node = state.node(slot);
        boolean free = resources.fitsNow(node);
        if (raylets.peek(slot) == NIL && free) {
            // A free node outside the gate is the placement's error: granted and flagged (INV-1).
            grant(e, slot, redirects);
            return true;
        }
        if (!placement.grantsQueued(node)) {
            pending.add(e);
            return false;
        }
        raylets.add(e, slot, redirects);
        serveQueue(slot);
        return true;
    }

    /**
     * Grants the raylet's queued requests in order while it has a CPU free. A raylet that no
     * longer takes leases (DRAINING, or not ALIVE in the server's view) fails them back
     * instead: the gate is checked where the grant would be (R-17, INV-1).
     */
    private void serveQueue(int slot) {
        Node node = state.node(slot);
        if (!placement.grantsQueued(node)) {
            failQueuedRequests(slot);
            return;
        }
        for (int e = raylets.peek(slot); e != NIL && resources.fitsNow(node);
                e = raylets.peek(slot)) {
            grant(e, slot, raylets.pop(slot, e));
        }
    }

    /** Serves the queues of the nodes whose CPU was released since (O(nodes released)). */
    private void grantQueued() {
        int n = raylets.takeDirty(served);
        for (int i = 0; i < n; i++) {
            serveQueue(served.getInt(i));
        }
    }

    /** CPU was released on the node (any holder, Ray or Nomad): its queue may be served. */
    public void onReleased(Node node) {
        raylets.released(node.slot());
    }

    /**
     * Requests queued at raylets that cannot grant them move to a node with a CPU free, while
     * one has. The raylet runs the policy from itself: a request it holds as the owner's local
     * raylet is redirected (its one spillback); one redirected to it already is rejected, and
     * its owner sends it again from its own raylet, a new request (R-13, INV-22). A raylet whose
     * host or agent is down does nothing: its requests wait for the node's DEAD verdict, which
     * fails them back (the model's answer to ray#63405).
     */
    private void spillQueued() {
        for (int i = 0; i < raylets.nodeCount() && placement.anyAvailable(request); ) {
            int slot = raylets.node(i);
            Node node = state.node(slot);
            if (node.hostUp() && node.agentUp()) {
                serveQueue(slot);
                for (int e = raylets.peek(slot); e != NIL; e = raylets.peek(slot)) {
                    int target = placement.pickNode(slot, request);
                    if (target < 0) {
                        break;
                    }
                    int redirects = raylets.pop(slot, e);
                    if (target == slot) {
                        grant(e, slot, redirects);
                    } else if (redirects == 0) {
                        if (!send(e, slot, target)) {
                            break;
                        }
                    } else {
                        int local = ownerNode(e);
                        int again = placement.pickNode(local, request);
                        if (again < 0 || !send(e, local, again)) {
                            if (again < 0) {
                                pending.add(e);
                            }
                            break;
                        }
                    }
                }
            }
            if (!raylets.unlistIfEmpty(i)) {
                i++;
            }
        }
    }

    private void grant(int e, int slot, int redirects) {
        Node node = state.node(slot);
        if (!node.isRaySchedulable()) {
            monitor.violation(Inv.PLACEMENT_GATE, "lease of " + owners.describe(e)
                    + " granted on " + node + " (status " + node.status() + ", draining "
                    + node.draining() + ", Ray-draining " + node.rayDraining() + ")");
        }
        checkLeaseFits(e, node);
        resources.reserve(node);
        tasks.transition(e, RUNNING);
        tasks.setIncarnation(e, node.incarnation());
        tasks.link(e, slot);
        long start = sim.nowNanos() + leaseLatencyNanos;
        tasks.setStartNanos(e, start);
        long end = start + (isChild(e) ? childRunNanos : holdRunNanos);
        tasks.setHandle(e, sim.schedule(end, kindDone, e, tasks.gen(e)));
        history.granted(e, tasks.attempt(e), slot, redirects);
    }

    /**
     * The online side of INV-1 and R-14 for shaped requests: a lease only where the request is
     * feasible; a hard NODE_AFFINITY only on its target; a soft one elsewhere only if the target
     * could not be used at some time since this attempt was submitted (a busy target is no
     * excuse: the request queues there).
     */
    private void checkLeaseFits(int e, Node node) {
        if (!request.feasibleOn(node)) {
            monitor.violation(Inv.PLACEMENT_GATE, "lease of " + owners.describe(e) + " granted on "
                    + node + ", whose totals do not cover " + request);
        }
        int target = request.targetSlot();
        if (target < 0 || node.slot() == target) {
            return;
        }
        if (hardAffinity) {
            monitor.violation(Inv.NODE_AFFINITY, "lease of " + owners.describe(e) + " granted on "
                    + node + ", not on its hard NODE_AFFINITY target node " + target);
        } else if (affinity.offTargetUnexcused(e)) {
            monitor.violation(Inv.NODE_AFFINITY, "lease of " + owners.describe(e) + " granted on "
                    + node + " although its soft NODE_AFFINITY target node " + target
                    + " could be used all along");
        }
    }

    private void onDone(int e, long payload) {
        if ((int) payload != tasks.gen(e)) {
            return;
        }
        Node node = state.node(tasks.node(e));
        if (node.incarnation() != tasks.incarnation(e) || !node.hostUp() || !node.agentUp()) {
            return;
        }
        resources.release(node, 1);
        history.released(e, tasks.attempt(e), node.slot());
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
            long child = history.id(e);
            history.finished(child, tasks.attempt(e), node.slot());
            // The 50 KiB result goes inline to the owner; a dead owner drops it.
            if (tasks.state(parent) == WAITING && owners.ownerAlive(parent)) {
                history.resolved(child, io.schedsim.history.ErrorType.NONE);
                tasks.unlink(parent);
                finish(parent);
            } else {
                history.resolved(child, io.schedsim.history.ErrorType.OWNER_DIED);
            }
        }
        dispatch();
    }

    private void submitChild(int task) {
        int c = child(task);
        Check.that(tasks.state(c) == NONE, "child submitted while another is live", task);
        tasks.setAttempt(c, 0);
        affinity.attemptSubmitted(c);
        tasks.setRetriesUsed(c, 0);
        tasks.clearPreempted(c);
        owners.resetOom(c);
        pending.add(c);
        history.submitted(c);
    }

    private void finish(int e) {
        byte s = tasks.state(e);
        if (s == FINISHED || s == FAILED) {
            monitor.violation(Inv.MONOTONIC_STATES, owners.describe(e) + " finished again");
            return;
        }
        tasks.transition(e, FINISHED);
        history.finished(history.id(e), tasks.attempt(e), tasks.node(e));
        history.resolved(history.id(e), io.schedsim.history.ErrorType.NONE);
        long now = sim.nowNanos();
        stats.completed++;
        stats.lastCompletionNanos = now;
        stats.lastEndNanos = now;
        long latencyNanos = now - tasks.submitNanos[taskOf(e)];
        completionMillis.record(latencyNanos / SimTime.NANOS_PER_MILLI);
    }

    private void onRetry(int e, long payload) {
        if ((int) payload != tasks.gen(e)) {
            return;
        }
        owners.resubmit(e);
        dispatch();
    }

    private void onOrphanDone(int slot, long incarnation) {
        if (owners.orphanDone(slot, (int) incarnation)) {
            dispatch();
        }
    }

    /**
     * the node was Ray-draining for PREEMPTION with a deadline that has passed, so its
     * death reason is AUTOSCALER_DRAIN_PREEMPTED. A Nomad drain has no reason and never counts.
     */
    private boolean preemptedDeath(Node node) {
        return node.rayDrainReason() == RayDrainReason.PREEMPTION
                && node.rayDrainDeadlineNanos() != SimTime.NEVER
                && sim.nowNanos() >= node.rayDrainDeadlineNanos();
    }

    /**
     * R-15's idleness: an attempt is leased or running on the node, a parent blocked in get keeps
     * its worker there, or an orphaned child still runs there.
     */
    public boolean runsLeasesOn(Node node) {
        int slot = node.slot();
        tasks.ensureNodes(slot);
        return tasks.first(slot) != NIL || orphans.countOn(slot) > 0;
    }

    public long submitted() {
        return stats.submitted;
    }

    public long completed() {
        return stats.completed;
    }

    public long failed() {
        return stats.failed;
    }

    /** Outer tasks that ended in an application error not retried (R-1, retry_exceptions off). */
    public long raised() {
        return stats.raised;
    }

    /** Outer tasks that ended in error when their OOM retries ran out. */
    public long outOfMemory() {
        return stats.outOfMemory;
    }

    public long lostAttempts() {
        return stats.lostAttempts;
    }

    public long retries() {
        return stats.retries;
    }

    public long pending() {
        return stats.submitted - stats.completed - stats.failed;
    }

    public boolean allTerminal() {
        return stats.submitted == tasks.taskCount && pending() == 0;
    }

    /** When the last outer task ended, FINISHED or FAILED, or -1 (for reports). */
    public long lastEndNanos() {
        return stats.lastEndNanos;
    }

    /** Time of the last FINISHED outer task, or -1. */
    public long lastCompletionNanos() {
        return stats.lastCompletionNanos;
    }

    public int outerTaskCount() {
        return tasks.taskCount;
    }

    /** The attempts of outer task {@code task} so far, in order (cold; for reports and tests). */
    public List<TaskAttempt> attempts(int task) {
        int e = outer(task);
        List<TaskAttempt> out = failures.attemptsOf(e);
        byte s = tasks.state(e);
        int attempt = tasks.attempt(e);
        boolean currentLogged = !out.isEmpty() && out.get(out.size() - 1).attempt() == attempt;
        if (!currentLogged && s != NONE && s != RETRY_WAIT && s != FAILED) {
            boolean started = s == WAITING || s == FINISHED
                    || (s == RUNNING && sim.nowNanos() >= tasks.startNanos(e));
            AttemptState state = s == FINISHED ? AttemptState.FINISHED
                    : started ? AttemptState.RUNNING : AttemptState.PENDING_NODE_ASSIGNMENT;
            out.add(new TaskAttempt(attempt, state, null));
        }
        return out;
    }

    /** True if outer task {@code task} ended in error. */
    public boolean endedInError(int task) {
        return tasks.state(outer(task)) == FAILED;
    }

    /**
     * CPU each node's Ray attempts (leased or running) and orphaned children hold, recomputed
     * from the task columns, indexed by slot; the second path of INV-17 (the cluster compares it,
     * plus its allocations, with every alive node's tracked reservation).
     */
    public long[] reservedCpuMilliByNode() {
        return new LivenessAudit(context, tasks, orphans, cpuMilli).reservedByNode();
    }

    /** End of run: nothing held on DEAD nodes (INV-17), INV-23 and INV-26 (SEMANTICS §6). */
    public void checkLiveness() {
        new LivenessAudit(context, tasks, orphans, cpuMilli).run(this, CAPACITY_FREE_WINDOW_NANOS);
    }

    int firstNonTerminalTask() {
        for (int t = 0; t < tasks.taskCount; t++) {
            byte s = tasks.state(outer(t));
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
