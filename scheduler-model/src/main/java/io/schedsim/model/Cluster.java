package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.metrics.LatencyRecorder;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.JobType;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.sched.SchedulerWorkers;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.model.task.RayWorkloadSpec;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * One simulated cluster: nodes, the servers' state, and the control-plane actors (failure
 * detector, scheduler workers, plan applier, drainer, clients, Ray owners), wired to one
 * {@link Simulation}. Build it with {@link #create}, add nodes, jobs and an optional Ray workload,
 * then {@link #start}. Faults act through the {@link ClusterControl} operations ({@code
 * ClusterOperations} holds them) and lifecycle hooks fan out from here in a fixed order.
 */
public final class Cluster extends ClusterOperations {
    private final Simulation sim;
    private final ClusterConfig config;
    private final InvariantMonitor monitor;
    private final ControlNetwork network;
    private final ModelComponents components;
    private final ObjectArrayList<Node> nodes = new ObjectArrayList<>();
    private final ObjectArrayList<NodeEvent> nodeEvents = new ObjectArrayList<>();
    private final StateStore state;
    private FailureDetector detector;
    private SchedulerWorkers workers;
    private Drainer drainer;
    private ClientAgent client;
    private RayPlacement rayPlacement;
    private RayWorkload ray;
    private RayWorkloadSpec raySpec;
    private int leaderEpoch;
    private boolean started;
    private final LatencyRecorder detectionMillis;
    private final LatencyRecorder drainMillis;

    private Cluster(Simulation sim, ClusterConfig config, ModelComponents components) {
        this.sim = sim;
        this.config = config;
        this.components = components;
        this.monitor = new InvariantMonitor(sim, config.stopOnViolation);
        this.network = new ControlNetwork(config, sim.random("network"));
        this.state = new StateStore(this);
        this.detectionMillis = sim.metrics().recorder("failureDetection");
        this.drainMillis = sim.metrics().recorder("drainDuration");
    }

    public static Cluster create(Simulation sim, ClusterConfig config, ModelComponents components) {
        return new Cluster(sim, config, components);
    }

    /** Adds a node (before or after {@link #start}); returns its slot. */
    public int addNode(long cpuMilli, long memMb, boolean head) {
        return addNode(cpuMilli, memMb, head, -1);
    }

    int addNode(long cpuMilli, long memMb, boolean head, int replacesSlot) {
        Node node = new Node(nodes.size(), head, cpuMilli, memMb, replacesSlot);
        nodes.add(node);
        if (started) {
            record(node, NodeEvent.Kind.JOINED,
                    replacesSlot < 0 ? "" : "replaces node " + replacesSlot);
            rayPlacement.onNodeChanged(node);
            detector.onNodeJoined(node);
        }
        return node.slot;
    }

    /** Adds the Ray task workload; call before {@link #start}. */
    public void setRayWorkload(RayWorkloadSpec spec) {
        this.raySpec = spec;
    }

    /** Creates the components and arms every actor; call once, after the initial nodes. */
    public void start() {
        if (started) {
            throw new IllegalStateException("cluster already started");
        }
        started = true;
        rayPlacement = components.rayPlacement(this);
        client = components.client(this);
        drainer = components.drainer(this);
        workers = new SchedulerWorkers(this,
                components.scheduler(this, components.placement(this)),
                components.planApplier(this));
        detector = components.detector(this);
        for (Node node : nodes) {
            rayPlacement.onNodeChanged(node);
        }
        client.start();
        drainer.start();
        workers.start();
        startChecks();
        detector.start();
        if (raySpec != null) {
            ray = new RayWorkload(this, raySpec, rayPlacement, components.retryPolicy(this));
            ray.start();
        }
    }

    public Simulation sim() {
        return sim;
    }

    public ClusterConfig config() {
        return config;
    }

    public InvariantMonitor monitor() {
        return monitor;
    }

    public ControlNetwork network() {
        return network;
    }

    public StateStore state() {
        return state;
    }

    public ClientAgent client() {
        return client;
    }

    public Drainer drainer() {
        return drainer;
    }

    public FailureDetector detector() {
        return detector;
    }

    public SchedulerWorkers workers() {
        return workers;
    }

    /** The Ray workload, or null if the scenario has none. */
    public RayWorkload ray() {
        return ray;
    }

    public Node node(int slot) {
        return nodes.get(slot);
    }

    @Override
    public long nowNanos() {
        return sim.nowNanos();
    }

    @Override
    public int nodeSlotCount() {
        return nodes.size();
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    void bumpLeaderEpoch() {
        leaderEpoch++;
    }

    /** Ray's placement gate: ALIVE and not DRAINING in the server's view. */
    public boolean raySchedulable(Node node) {
        return node.status == NodeStatus.READY && !node.draining && node.cpuTotalMilli > 0;
    }

    /** Reserves capacity on a node (server view); INV-17 checked. */
    public void reserve(Node node, long cpuMilli, long memMb) {
        node.cpuUsedMilli += cpuMilli;
        node.memUsedMb += memMb;
        if (node.cpuUsedMilli > node.cpuTotalMilli) {
            monitor.violation(Inv.RESOURCE_ACCOUNTING, node + " reserved " + node.cpuUsedMilli
                    + " of " + node.cpuTotalMilli + " mCPU");
        }
        rayPlacement.onNodeChanged(node);
    }

    /** Releases a reservation; INV-17 checked. */
    public void release(Node node, long cpuMilli, long memMb) {
        node.cpuUsedMilli -= cpuMilli;
        node.memUsedMb -= memMb;
        if (node.cpuUsedMilli < 0) {
            monitor.violation(Inv.RESOURCE_ACCOUNTING, node + " released below zero: "
                    + node.cpuUsedMilli + " mCPU");
        }
        rayPlacement.onNodeChanged(node);
        // Every release is a capacity change, blocked evals or not: an eval whose plan is in
        // flight now must see it when it would block (missedUnblock, nomad/blocked_evals.go).
        if (started && state.broker().unblockAll() > 0) {
            workers.kick();
        }
    }

    /** Creates an evaluation for {@code job} and wakes a worker. */
    public void createEval(Job job, String triggeredBy, int node) {
        state.broker().enqueue(job, triggeredBy, node, sim.nowNanos());
        if (started) {
            workers.kick();
        }
    }

    /** N-22: node-update evals for jobs with allocations there and every system job. */
    public void createNodeEvals(Node node) {
        for (Job job : state.jobs()) {
            boolean covers = job.type == JobType.SYSTEM && !job.stopped;
            if (!covers && job.type != JobType.SYSBATCH) {
                for (Alloc alloc : state.allocs().all()) {
                    if (alloc.job == job && alloc.node == node.slot && needsNodeEval(alloc)) {
                        covers = true;
                        break;
                    }
                }
            }
            if (covers) {
                createEval(job, "node-update", node.slot);
            }
        }
    }

    /**
     * N-22: batch allocations count unless terminal; service ones unless fully terminal, so one
     * stopped but still running there gets the eval that marks it lost if the node is down (N-20).
     */
    private static boolean needsNodeEval(Alloc alloc) {
        if (alloc.job.type == JobType.SERVICE) {
            return !alloc.client().isTerminal();
        }
        return !alloc.isTerminal();
    }

    /** Detector → cluster: the node is down (Nomad) or DEAD (Ray). */
    public void markNodeDown(Node node, String reason) {
        if (node.status == NodeStatus.DOWN) {
            return;
        }
        long now = sim.nowNanos();
        checkDetection(node, now, reason);
        node.status = NodeStatus.DOWN;
        node.downAtNanos = now;
        record(node, NodeEvent.Kind.DOWN, reason);
        if (node.diedAtNanos >= 0) {
            detectionMillis.record(SimTime.toMillis(now - node.diedAtNanos));
        }
        rayPlacement.onNodeChanged(node);
        if (ray != null) {
            ray.onNodeDown(node);
        }
        createNodeEvals(node);
        drainer.onAllocChanged(null);
    }

    /** Detector → cluster: the node registered or re-registered (N-28). */
    public void markNodeReady(Node node) {
        if (node.status == NodeStatus.DOWN && config.detector != DetectorPolicy.NOMAD_TTL) {
            return;
        }
        node.status = NodeStatus.READY;
        node.downAtNanos = -1;
        record(node, NodeEvent.Kind.READY, "");
        client.onNodeReady(node);
        rayPlacement.onNodeChanged(node);
        createNodeEvals(node);
        state.broker().unblockAll();
        workers.kick();
        if (ray != null) {
            ray.onNodeReady(node);
        }
    }

    /** A drain was set or cleared: Ray's placement index and waiting tasks must know. */
    void onDrainChanged(Node node) {
        rayPlacement.onNodeChanged(node);
        if (ray != null && raySchedulable(node)) {
            ray.onNodeReady(node);
        }
    }

    void onNodeBecameEligible(Node node) {
        createNodeEvals(node);
        state.broker().unblockAll();
        workers.kick();
        rayPlacement.onNodeChanged(node);
    }

    void onAllocChanged(Alloc alloc) {
        drainer.onAllocChanged(alloc);
        if (alloc.client() == ClientStatus.FAILED && !alloc.desired().isServerTerminal()) {
            createEval(alloc.job, "alloc-failure", alloc.node);
        }
    }

    /** Appends to the node history (cold path: status, eligibility, drains, deaths). */
    void record(Node node, NodeEvent.Kind kind, String detail) {
        nodeEvents.add(new NodeEvent(sim.nowNanos(), node.slot, kind, detail));
    }

    /** Every node event so far, in order. */
    public java.util.List<NodeEvent> nodeEvents() {
        return nodeEvents;
    }

    void onDrainCompleted(Node node, long drainNanos) {
        onDrainChanged(node);
        record(node, NodeEvent.Kind.DRAIN_COMPLETE, node.drainDeadlineReached
                ? "deadline_reached=true" : "");
        drainMillis.record(SimTime.toMillis(Math.max(0, drainNanos)));
    }

    /** INV-11 (TTL lower bound) and INV-13 (no false positives) at the moment of detection. */
    private void checkDetection(Node node, long now, String reason) {
        if (config.detector == DetectorPolicy.NOMAD_TTL) {
            long minimum = SimTime.millis(config.minHeartbeatTtlMillis
                    + config.heartbeatGraceMillis);
            if (now - node.lastHeartbeatNanos < minimum) {
                monitor.violation(Inv.TTL_DETECTION, node + " marked down "
                        + SimTime.format(now - node.lastHeartbeatNanos)
                        + " after its last heartbeat, before ttl + grace");
            }
        }
        boolean disturbed = node.disturbedNow() || node.disturbedUntilNanos == SimTime.NEVER
                || now - node.disturbedUntilNanos <= detector.detectionWindowNanos();
        if (!disturbed) {
            monitor.violation(Inv.NO_FALSE_POSITIVES, node + " marked down (" + reason
                    + ") although no fault touched it");
        }
    }
}
