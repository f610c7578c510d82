package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.metrics.LatencyRecorder;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.EvalCreated;
import io.schedsim.model.actor.RayActors;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.context.ControlPlane;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.sched.EvalBroker;
import io.schedsim.model.sched.Evaluation;
import io.schedsim.model.sched.Scheduler;
import io.schedsim.model.sched.SchedulerWorkers;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.NodeLifecycle;
import io.schedsim.model.state.StateListener;
import io.schedsim.model.state.StateStore;
import io.schedsim.model.task.RayWorkload;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.List;

/**
 * The control-plane actors of one cluster (evaluation broker, scheduler workers, failure detector,
 * drainer, clients, Ray placement and workload) and how changes reach them: the operations of the
 * {@link ControlPlane} components get, and the fan-out of every change the state store reports,
 * in the fixed order the traces depend on. The components are built at {@link Cluster#start}.
 */
final class ControlPlaneActors implements StateListener {
    private final Simulation sim;
    private final ClusterConfig config;
    private final NodeLifecycle lifecycle;
    private final StateStore state;
    private final OnlineChecks checks;
    private final HistoryPort history;
    private final ControlPlane control = new Control();
    private final EvalBroker broker = new EvalBroker();
    private final ObjectArrayList<NodeEvent> nodeEvents = new ObjectArrayList<>();
    private final LatencyRecorder detectionMillis;
    private final LatencyRecorder drainMillis;
    private FailureDetector detector;
    private SchedulerWorkers workers;
    private Drainer drainer;
    private ClientAgent client;
    private RayPlacement rayPlacement;
    private RayWorkload ray;
    private RayActors rayActors;
    private int leaderEpoch;
    private boolean started;

    ControlPlaneActors(Simulation sim, ClusterConfig config, InvariantMonitor monitor,
            HistoryPort history) {
        this.sim = sim;
        this.config = config;
        this.history = history;
        this.lifecycle = NodeLifecycle.create(sim, monitor, this, history);
        this.state = lifecycle.state();
        this.checks = new OnlineChecks(sim, config, monitor, state);
        this.detectionMillis = sim.metrics().recorder("failureDetection");
        this.drainMillis = sim.metrics().recorder("drainDuration");
    }

    /** From now on evaluations wake workers and node changes reach the components. */
    void markStarted() {
        started = true;
    }

    void wire(RayPlacement rayPlacement, ClientAgent client, Drainer drainer,
            SchedulerWorkers workers, FailureDetector detector) {
        this.rayPlacement = rayPlacement;
        this.client = client;
        this.drainer = drainer;
        this.workers = workers;
        this.detector = detector;
    }

    void setRay(RayWorkload ray) {
        this.ray = ray;
    }

    void setRayActors(RayActors rayActors) {
        this.rayActors = rayActors;
    }

    RayActors rayActors() {
        return rayActors;
    }

    /** The control plane as components see it: these operations only, not the actors. */
    ControlPlane control() {
        return control;
    }

    NodeLifecycle lifecycle() {
        return lifecycle;
    }

    StateStore state() {
        return state;
    }

    EvalBroker broker() {
        return broker;
    }

    FailureDetector detector() {
        return detector;
    }

    SchedulerWorkers workers() {
        return workers;
    }

    Drainer drainer() {
        return drainer;
    }

    ClientAgent client() {
        return client;
    }

    RayPlacement rayPlacement() {
        return rayPlacement;
    }

    RayWorkload ray() {
        return ray;
    }

    List<NodeEvent> nodeEvents() {
        return nodeEvents;
    }

    /** Registers the timers of the online checks that need a deadline (INV-9, INV-12). */
    void startChecks() {
        checks.start();
    }

    /** The node's host or agent just died: INV-12's deadline starts. */
    void nodeDied(Node node) {
        checks.nodeDied(node, detector.detectionWindowNanos());
    }

    int leaderEpoch() {
        return leaderEpoch;
    }

    void bumpLeaderEpoch() {
        leaderEpoch++;
    }

    /**
     * Creates an evaluation for {@code job} and wakes a worker. A request the broker coalesces
     * with the job's pending evaluation is published under that evaluation's id: the pending one
     * will plan from the state this request is about (docs/history.md §1.4).
     */
    void createEval(Job job, String triggeredBy, int nodeSlot) {
        Evaluation eval = broker.enqueue(job, triggeredBy, nodeSlot, sim.nowNanos());
        if (history.on()) {
            Evaluation evaluated = eval != null ? eval : broker.pendingOf(job.id());
            history.record(new EvalCreated(sim.nowNanos(), evaluated.id, job.id(), triggeredBy,
                    nodeSlot));
        }
        if (started) {
            workers.kick();
        }
    }

    /**
     * N-22: node-update evals for every non-stopped system job (its own loop) and for every other
     * job with an allocation there that the scheduler says needs one; in job order, one per job.
     * The online check then judges the set by its own reading of the rule.
     */
    void createNodeEvals(Node node) {
        Scheduler scheduler = workers.scheduler();
        IntArrayList evaluated = new IntArrayList();
        for (Job job : state.jobs()) {
            boolean covers = job.type() == JobType.SYSTEM && !job.stopped();
            if (job.type() != JobType.SYSTEM) {
                for (Alloc alloc : state.allocs().all()) {
                    if (alloc.job() == job && alloc.node() == node.slot()
                            && scheduler.needsNodeEval(alloc)) {
                        covers = true;
                        break;
                    }
                }
            }
            if (covers) {
                createEval(job, "node-update", node.slot());
                evaluated.add(job.id());
            }
        }
        checks.nodeEvals(node, evaluated);
    }

    /** Detector → control plane: the node is down (Nomad) or DEAD (Ray). */
    void markNodeDown(Node node, String reason) {
        if (node.status() == NodeStatus.DOWN) {
            return;
        }
        long now = sim.nowNanos();
        checks.markedDown(node, now, reason, detector.detectionWindowNanos());
        if (config.detector == DetectorPolicy.NOMAD_TTL) {
            checks.downNotDisconnected(node, now);
        }
        lifecycle.markDown(node, now, reason);
        record(node, NodeEvent.Kind.DOWN, reason);
        if (node.diedAtNanos() >= 0) {
            detectionMillis.record(SimTime.toMillis(now - node.diedAtNanos()));
        }
        nodeGone(node);
    }

    /**
     * The operator purged the node (Node.Deregister, nomad/node_endpoint.go {@code deregister}):
     * deleted from the state store with its drain, its heartbeat timer cleared, the drainer
     * untracks it (N-20), and node-update evaluations for the jobs with allocations there and
     * the system jobs ({@code createNodeEvals}) lose its allocations: the scheduler finds it
     * missing, a GC'd node (N-31), which reads DOWN here. No detector verdict, so INV-11 and
     * INV-13 do not judge it; the drain heap is recomputed as at a cancel (N-19).
     */
    void purgeNode(Node node) {
        boolean wasDraining = node.draining();
        lifecycle.purge(node, sim.nowNanos());
        record(node, NodeEvent.Kind.DOWN, "purged");
        detector.onNodePurged(node);
        drainer.onNodePurged(node);
        if (wasDraining) {
            checks.drainCancelled();
        }
        nodeGone(node);
    }

    /**
     * What follows a node's loss to the servers, down or purged: Ray's placement index and
     * workloads learn it, node-update evaluations lose its allocations, and a drain of it may
     * now be done.
     */
    private void nodeGone(Node node) {
        rayPlacement.onNodeChanged(node);
        if (ray != null) {
            ray.onNodeDown(node);
        }
        if (rayActors != null) {
            rayActors.onNodeDown(node);
        }
        createNodeEvals(node);
        drainer.onAllocChanged(null);
    }

    /**
     * Detector → control plane: the node missed its heartbeats and goes disconnected (N-27);
     * evaluations follow as for any change into disconnected (N-28), and its allocations turn
     * unknown in their plans (N-30).
     */
    void markNodeDisconnected(Node node, String reason) {
        if (node.status().isUnresponsive()) {
            return;
        }
        long now = sim.nowNanos();
        checks.markedDisconnected(node, now, detector.detectionWindowNanos());
        lifecycle.markDisconnected(node, reason);
        record(node, NodeEvent.Kind.DISCONNECTED, reason);
        if (node.diedAtNanos() >= 0) {
            detectionMillis.record(SimTime.toMillis(now - node.diedAtNanos()));
        }
        rayPlacement.onNodeChanged(node);
        if (ray != null) {
            ray.onNodeUnschedulable(node);
        }
        createNodeEvals(node);
        drainer.onAllocChanged(null);
    }

    /** Detector → control plane: the node registered or re-registered (N-28). */
    void markNodeReady(Node node) {
        if (node.status() == NodeStatus.DOWN && config.detector != DetectorPolicy.NOMAD_TTL) {
            return;
        }
        lifecycle.markReady(node);
        record(node, NodeEvent.Kind.READY, "");
        client.onNodeReady(node);
        rayPlacement.onNodeChanged(node);
        createNodeEvals(node);
        broker.unblockAll();
        workers.kick();
        if (ray != null) {
            ray.onNodeReady(node);
        }
        if (rayActors != null) {
            rayActors.onNodeReady(node);
        }
    }

    /** Appends to the node history (cold path: status, eligibility, drains, deaths). */
    void record(Node node, NodeEvent.Kind kind, String detail) {
        nodeEvents.add(new NodeEvent(sim.nowNanos(), node.slot(), kind, detail));
    }

    /** A drain was set or cleared: Ray's placement index and waiting tasks must know. */
    /** a Ray-drained node leaves the lease index at once (ray#59536's window closed). */
    void onRayDrain(Node node) {
        rayPlacement.onNodeChanged(node);
        if (ray != null) {
            ray.onNodeUnschedulable(node);
        }
    }

    private void onDrainChanged(Node node) {
        rayPlacement.onNodeChanged(node);
        if (ray != null && !node.isRaySchedulable()) {
            ray.onNodeUnschedulable(node);
        }
        if (ray != null && node.isRaySchedulable()) {
            ray.onNodeReady(node);
        }
        if (rayActors != null && node.isRaySchedulable()) {
            rayActors.onNodeReady(node);
        }
    }

    @Override
    public void onJobRegistered(Job job) {
        createEval(job, "job-register", -1);
    }

    /** {@code job run} of a new version registers it again; {@code job stop} deregisters it. */
    @Override
    public void onJobUpdated(Job job) {
        createEval(job, job.stopped() ? "job-deregister" : "job-register", -1);
    }

    @Override
    public void onReserved(Node node) {
        rayPlacement.onNodeChanged(node);
    }

    @Override
    public void onReleased(Node node) {
        rayPlacement.onNodeChanged(node);
        if (ray != null) {
            ray.onReleased(node);
        }
        // actors and tasks share the nodes' CPU; what one frees (a task's lease ending, an
        // actor dying) may let the other's waiting requests in, as a raylet re-examines its
        // queue on a resource update. Each workload dispatches its own releases itself; only
        // runs with actors need the cross look, so runs without them keep their traces.
        if (rayActors != null) {
            rayActors.onCapacityFreed(node);
            if (ray != null) {
                ray.onCapacityFreed(node);
            }
        }
        // Every release is a capacity change, blocked evals or not: an eval whose plan is in
        // flight now must see it when it would block (missedUnblock, nomad/blocked_evals.go).
        if (started && broker.unblockAll() > 0) {
            workers.kick();
        }
    }

    @Override
    public void onAllocResourcesFreed(Node node) {
        if (ray != null) {
            ray.onCapacityFreed(node);
        }
        if (rayActors != null) {
            rayActors.onCapacityFreed(node);
        }
    }

    @Override
    public void onAllocPlaced(Alloc alloc) {
        client.onAllocPlaced(alloc);
    }

    @Override
    public void onAllocStopped(Alloc alloc) {
        client.onAllocStopped(alloc);
    }

    @Override
    public void onAllocChanged(Alloc alloc) {
        drainer.onAllocChanged(alloc);
        if (alloc.client() == ClientStatus.FAILED && !alloc.desired().isServerTerminal()) {
            createEval(alloc.job(), "alloc-failure", alloc.node());
        }
    }

    /** N-30: the client of an unknown allocation reported again; its job is reconciled. */
    @Override
    public void onAllocReconnected(Alloc alloc) {
        if (started && !alloc.desired().isServerTerminal()) {
            createEval(alloc.job(), "reconnect", alloc.node());
        }
    }

    @Override
    public void onNodeBecameEligible(Node node) {
        createNodeEvals(node);
        broker.unblockAll();
        workers.kick();
        rayPlacement.onNodeChanged(node);
    }

    @Override
    public void onDrainSet(Node node) {
        drainer.onDrainSet(node);
        onDrainChanged(node);
        checks.drainSet(node);
    }

    @Override
    public void onDrainCancelled(Node node) {
        drainer.onDrainCancelled(node);
        onDrainChanged(node);
        checks.drainCancelled();
    }

    @Override
    public void onDrainCompleted(Node node, long drainNanos) {
        checks.drainCompleted(node);
        onDrainChanged(node);
        drainMillis.record(SimTime.toMillis(Math.max(0, drainNanos)));
    }

    @Override
    public void onNodeEvent(Node node, NodeEvent.Kind kind, String detail) {
        record(node, kind, detail);
    }

    /** What {@link #control()} hands out; a separate object, so no cast reaches the fan-out. */
    private final class Control implements ControlPlane {
        @Override
        public void createEval(Job job, String triggeredBy, int nodeSlot) {
            ControlPlaneActors.this.createEval(job, triggeredBy, nodeSlot);
        }

        @Override
        public void markNodeDown(Node node, String reason) {
            ControlPlaneActors.this.markNodeDown(node, reason);
        }

        @Override
        public void markNodeDisconnected(Node node, String reason) {
            ControlPlaneActors.this.markNodeDisconnected(node, reason);
        }

        @Override
        public void markNodeReady(Node node) {
            ControlPlaneActors.this.markNodeReady(node);
        }

        @Override
        public int leaderEpoch() {
            return leaderEpoch;
        }
    }
}
