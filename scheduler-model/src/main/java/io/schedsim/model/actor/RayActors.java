package io.schedsim.model.actor;

import io.schedsim.core.check.Check;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.ActorState;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import java.util.Arrays;

/**
 * Ray actors on a cluster: the driver creates them and submits every task at once; each
 * actor waits for a feasible node, is placed as a lease is, holds its CPU while
 * alive, runs its constructor, then executes its tasks one at a time in submission order. When its
 * worker or node dies (R-10, R-16, F-3) it releases its CPU and the {@link ActorFaultPolicy}
 * decides: restart (the constructor reruns on a feasible node; the task in flight is retried if
 * max_task_retries allows, else fails) or DEAD (every task not yet done fails). Once every task
 * has a result the driver exits and its actors die with it (R-6: non-detached actors die with
 * their owner), which frees their CPU.
 *
 * <p>Model choices, beyond SEMANTICS: (1) only the task in flight is affected by a death; tasks
 * queued behind it wait for the restart (Ray may also fail pipelined ones under at-most-once).
 * (2) An actor placed on a node that died but is not yet DEAD never finishes its constructor
 * there; it is placed again, uncounted, when the node is declared DEAD or its workers exit (as
 * a creation the GCS reschedules), and likewise when its node dies during its constructor.
 * (3) Execution and reply are one instant, so no task runs twice unless retried. (4) The
 * actors' reservations take no part in R-15's idleness: an IDLE_TERMINATION drain sees leases
 * only.
 */
public final class RayActors {
    /** The driver's node: the head, slot 0, as for the task workload. */
    private static final int DRIVER_NODE = 0;
    private static final byte PENDING = 0;
    private static final byte CREATING = 1;
    private static final byte ALIVE = 2;
    private static final byte DEAD = 3;

    private final StateStore state;
    private final Simulation sim;
    private final InvariantMonitor monitor;
    private final RayActorSpec spec;
    private final RayPlacement placement;
    private final ActorFaultPolicy policy;
    private final ActorHistory history;
    private final int count;
    private final byte[] phase;
    private final int[] node;
    private final int[] incarnation;
    private final int[] gen;
    private final int[] restartsUsed;
    private final int[] countedRestarts;
    private final int[] head;
    private final int[] attempt;
    private final int[] retriesUsed;
    private final boolean[] running;
    private final boolean[] recorded;
    private final IntArrayFIFOQueue waiting = new IntArrayFIFOQueue();
    private long submitted;
    private long completed;
    private long failed;
    private long lostAttempts;
    private long retries;
    private boolean driverExited;
    private int kindReady = -1;
    private int kindTaskDone;
    private int kindDispatch;
    private boolean dispatchScheduled;

    public RayActors(ModelContext context, RayActorSpec spec, RayPlacement placement,
            ActorFaultPolicy policy) {
        this.state = context.state();
        this.sim = context.sim();
        this.monitor = context.checks();
        this.spec = spec;
        this.placement = placement;
        this.policy = policy;
        this.history = new ActorHistory(context.history());
        this.count = spec.actors();
        this.phase = new byte[count];
        this.node = new int[count];
        this.incarnation = new int[count];
        this.gen = new int[count];
        this.restartsUsed = new int[count];
        this.countedRestarts = new int[count];
        this.head = new int[count];
        this.attempt = new int[count];
        this.retriesUsed = new int[count];
        this.running = new boolean[count];
        this.recorded = new boolean[count * spec.tasksPerActor()];
        Arrays.fill(node, -1);
    }

    /** Registers the event kinds and schedules the driver's creation of every actor. */
    public void start() {
        Check.that(kindReady < 0, "RayActors started twice");
        int kindCreate = sim.registerKind("actor.create", (entity, payload) -> createAll());
        kindReady = sim.registerKind("actor.ready", this::onReady);
        kindTaskDone = sim.registerKind("actor.taskDone", this::onTaskDone);
        kindDispatch = sim.registerKind("actor.dispatch", (slot, payload) -> {
            dispatchScheduled = false;
            dispatch();
        });
        sim.post(Math.max(sim.nowNanos(), spec.submitAtNanos()), kindCreate, 0, 0);
    }

    private void createAll() {
        for (int a = 0; a < count; a++) {
            history.created(a, spec);
            for (int seq = 0; seq < spec.tasksPerActor(); seq++) {
                history.submitted(a, seq);
            }
            waiting.enqueue(a);
        }
        submitted = (long) count * spec.tasksPerActor();
        if (submitted == 0) {
            driverExits();
        }
        dispatch();
    }

    /** Places waiting actors, in creation and death order, while a feasible node has room. */
    private void dispatch() {
        while (!waiting.isEmpty() && !driverExited) {
            int a = waiting.firstInt();
            int slot = placement.pickNode(DRIVER_NODE, spec.cpuMilliPerActor());
            if (slot < 0) {
                return;
            }
            waiting.dequeueInt();
            place(a, slot);
        }
    }

    private void place(int a, int slot) {
        Node target = state.node(slot);
        if (!target.isRaySchedulable()) {
            monitor.violation(Inv.PLACEMENT_GATE, "actor " + a + " placed on " + target
                    + " (status " + target.status() + ", Ray-draining " + target.rayDraining()
                    + ")");
        }
        state.reserve(target, spec.cpuMilliPerActor(), 0);
        phase[a] = CREATING;
        node[a] = slot;
        incarnation[a] = target.incarnation();
        gen[a]++;
        sim.scheduleAfter(spec.constructorNanos(), kindReady, a, gen[a]);
    }

    private boolean workerAlive(int a) {
        Node where = state.node(node[a]);
        return where.incarnation() == incarnation[a] && where.hostUp() && where.agentUp();
    }

    private void onReady(int a, long payload) {
        if ((int) payload != gen[a] || phase[a] != CREATING || !workerAlive(a)) {
            return;
        }
        phase[a] = ALIVE;
        history.state(a, node[a], ActorState.ALIVE);
        startNext(a);
    }

    private void startNext(int a) {
        if (head[a] >= spec.tasksPerActor()) {
            return;
        }
        running[a] = true;
        history.task(a, head[a], attempt[a], node[a], AttemptState.RUNNING, ErrorType.NONE);
        sim.scheduleAfter(spec.taskRunNanos(), kindTaskDone, a, gen[a]);
    }

    private void onTaskDone(int a, long payload) {
        if ((int) payload != gen[a] || phase[a] != ALIVE || !running[a] || !workerAlive(a)) {
            return;
        }
        int seq = head[a];
        running[a] = false;
        history.task(a, seq, attempt[a], node[a], AttemptState.FINISHED, ErrorType.NONE);
        recorded[a * spec.tasksPerActor() + seq] = true;
        completed++;
        nextTask(a);
        startNext(a);
        driverExitsIfDone();
    }

    private void nextTask(int a) {
        head[a]++;
        attempt[a] = 0;
        retriesUsed[a] = 0;
    }

    /** The GCS declared the node DEAD: its actors restart elsewhere or die. */
    public void onNodeDown(Node dead) {
        placement.onNodeChanged(dead);
        diedOn(dead, ErrorType.NODE_DIED, preemptedDeath(dead));
    }

    /** a killed raylet's workers exited, the actors' among them; not preempted. */
    public void onWorkersExited(Node where) {
        if (where.status() == NodeStatus.DOWN) {
            return;
        }
        diedOn(where, ErrorType.NODE_DIED, false);
    }

    /** The node came back under the same identity: its old workers are gone. */
    public void onNodeRestarted(Node where) {
        placement.onNodeChanged(where);
        diedOn(where, ErrorType.NODE_DIED, false);
    }

    /** A node became schedulable: place what waits. */
    public void onNodeReady(Node ready) {
        dispatch();
    }

    /**
     * capacity freed outside Ray (a Nomad allocation stopped) makes waiting actors
     * placeable; they are looked at after the current event, as for the task workload.
     */
    public void onCapacityFreed(Node node) {
        if (!dispatchScheduled && !waiting.isEmpty() && !driverExited) {
            dispatchScheduled = true;
            sim.post(sim.nowNanos(), kindDispatch, node.slot(), 0);
        }
    }

    /** F-3: the worker of the first live actor on the node (actor order) is killed. */
    public boolean crashOne(Node where) {
        if (!where.hostUp() || !where.agentUp()) {
            return false;
        }
        for (int a = 0; a < count; a++) {
            if (node[a] == where.slot() && phase[a] == ALIVE && workerAlive(a)) {
                died(a, ErrorType.WORKER_DIED, false);
                dispatch();
                return true;
            }
        }
        return false;
    }

    private void diedOn(Node where, ErrorType error, boolean preempted) {
        for (int a = 0; a < count; a++) {
            if (node[a] == where.slot() && (phase[a] == CREATING || phase[a] == ALIVE)) {
                died(a, error, preempted);
            }
        }
        dispatch();
    }

    private void died(int a, ErrorType error, boolean preempted) {
        int slot = node[a];
        state.release(state.node(slot), spec.cpuMilliPerActor(), 0);
        gen[a]++;
        node[a] = -1;
        if (phase[a] == CREATING) {
            // Model choice 2: a creation that never finished is placed again, uncounted.
            phase[a] = PENDING;
            waiting.enqueue(a);
            return;
        }
        boolean inFlight = running[a];
        if (inFlight) {
            running[a] = false;
            lostAttempts++;
            history.task(a, head[a], attempt[a], slot, AttemptState.FAILED, error);
        }
        int decision = policy.afterActorDeath(spec.maxRestarts(), restartsUsed[a], preempted);
        if (decision == ActorFaultPolicy.GIVE_UP) {
            phase[a] = DEAD;
            history.state(a, slot, ActorState.DEAD);
            failed += spec.tasksPerActor() - head[a];
            head[a] = spec.tasksPerActor();
            driverExitsIfDone();
            return;
        }
        restartsUsed[a] = decision;
        countedRestarts[a] += preempted ? 0 : 1;
        checkRestart(a, preempted);
        phase[a] = PENDING;
        history.state(a, slot, ActorState.RESTARTING);
        if (inFlight) {
            taskLost(a);
        }
        // A lost task that failed may have been the driver's last result: then it exited.
        if (phase[a] == PENDING) {
            waiting.enqueue(a);
        }
    }

    /** After a granted restart: the task that was in flight is retried, or fails. */
    private void taskLost(int a) {
        int decision = policy.afterTaskLost(spec.maxTaskRetries(), retriesUsed[a]);
        if (decision == ActorFaultPolicy.GIVE_UP) {
            failed++;
            nextTask(a);
            driverExitsIfDone();
            return;
        }
        retriesUsed[a] = decision;
        attempt[a]++;
        retries++;
        monitor.expect(spec.maxTaskRetries() < 0 || attempt[a] <= spec.maxTaskRetries(),
                Inv.ACTOR_RESTARTS, "task " + head[a] + " of actor " + a + " retried as attempt "
                        + attempt[a] + ", max_task_retries " + spec.maxTaskRetries() + " (R-6)");
    }

    /**
     * judged on the workload's own count: a restart not caused by preemption never
     * takes an actor past max_restarts, and max_restarts 0 never restarts at all.
     */
    private void checkRestart(int a, boolean preempted) {
        int max = spec.maxRestarts();
        if (max == 0) {
            monitor.violation(Inv.ACTOR_RESTARTS, "actor " + a + " restarted with max_restarts 0"
                    + (preempted ? " (preempted: free only when max_restarts > 0)" : ""));
        } else if (max > 0 && countedRestarts[a] > max) {
            monitor.violation(Inv.ACTOR_RESTARTS, "actor " + a + " restarted "
                    + countedRestarts[a] + " times, max_restarts " + max
                    + " (preempted restarts not counted)");
        }
    }

    private void driverExitsIfDone() {
        if (!driverExited && submitted > 0 && completed + failed == submitted) {
            driverExits();
        }
    }

    /** non-detached actors die with their owner; the driver exits once it has every result. */
    private void driverExits() {
        driverExited = true;
        for (int a = 0; a < count; a++) {
            if (phase[a] == DEAD) {
                continue;
            }
            int slot = node[a];
            if (phase[a] == CREATING || phase[a] == ALIVE) {
                state.release(state.node(slot), spec.cpuMilliPerActor(), 0);
            }
            gen[a]++;
            phase[a] = DEAD;
            node[a] = -1;
            history.state(a, slot, ActorState.DEAD);
        }
        waiting.clear();
    }

    /** the node died Ray-draining for PREEMPTION past a nonzero deadline. */
    private boolean preemptedDeath(Node dead) {
        return dead.rayDrainReason() == RayDrainReason.PREEMPTION
                && dead.rayDrainDeadlineNanos() != SimTime.NEVER
                && sim.nowNanos() >= dead.rayDrainDeadlineNanos();
    }

    /** CPU the live actors hold per node, recomputed from their rows (INV-17's second path). */
    public long[] reservedCpuMilliByNode() {
        long[] held = new long[state.nodeSlotCount()];
        for (int a = 0; a < count; a++) {
            if ((phase[a] == CREATING || phase[a] == ALIVE) && node[a] >= 0) {
                held[node[a]] += spec.cpuMilliPerActor();
            }
        }
        return held;
    }

    /**
     * INV-28 at the end: an at-least-once actor's every submitted task has a result recorded,
     * but for an actor that waits for a node while no live, schedulable node has its CPU free.
     */
    public void checkLiveness() {
        if (!spec.atLeastOnce() || submitted == 0) {
            return;
        }
        // an actor waiting for a node while none could take it stays pending, as INV-23
        // excuses a waiting task; its tasks are not judged.
        boolean waitExcused = !waiting.isEmpty() && !feasibleNodeAlive();
        int missing = 0;
        int first = -1;
        for (int k = 0; k < recorded.length; k++) {
            int a = k / spec.tasksPerActor();
            if (!recorded[k] && !(waitExcused && phase[a] == PENDING)) {
                first = missing == 0 ? k : first;
                missing++;
            }
        }
        if (missing > 0) {
            int t = spec.tasksPerActor();
            monitor.violation(Inv.ACTOR_AT_LEAST_ONCE, missing + " actor tasks never recorded"
                    + " with max_restarts -1 and max_task_retries -1, first: task " + (first % t)
                    + " of actor " + (first / t));
        }
    }

    /** A live, schedulable node has an actor's CPU free now. */
    private boolean feasibleNodeAlive() {
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node n = state.node(slot);
            if (n.status() != NodeStatus.DOWN && n.hostUp() && n.agentUp() && !n.draining()
                    && !n.rayDraining() && n.cpuFreeMilli() >= spec.cpuMilliPerActor()) {
                return true;
            }
        }
        return false;
    }

    public boolean allTerminal() {
        return driverExited;
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

    public int actorCount() {
        return count;
    }
}
