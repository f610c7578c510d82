package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.history.EventType;
import io.schedsim.history.HistorySink;
import io.schedsim.history.RunStopReason;
import io.schedsim.model.actor.RayActorSpec;
import io.schedsim.model.actor.RayActors;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.history.ClusterSettings;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.net.StatusUpdateFaults;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.sched.EvalBroker;
import io.schedsim.model.sched.PlanApplier;
import io.schedsim.model.sched.Scheduler;
import io.schedsim.model.sched.SchedulerWorkers;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.NodeLifecycle;
import io.schedsim.model.state.StateStore;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.model.task.RayWorkloadSpec;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated cluster: nodes, the servers' state, and the control-plane actors (failure
 * detector, scheduler workers, plan applier, drainer, clients, Ray owners), wired to one
 * {@link Simulation}. Build it with {@link #create}, add nodes, jobs and an optional Ray workload,
 * then {@link #start}, which builds each component from the {@link ModelComponents} factories
 * and the cluster's {@link ModelContext}. Faults act through the {@link ClusterControl}
 * operations ({@code ClusterOperations} holds them); state changes fan out to the actors in a
 * fixed order ({@code ControlPlaneActors}). With {@link #attachHistory} the cluster publishes its
 * observable history (docs/history.md) as it runs, without changing the run.
 */
public final class Cluster extends ClusterOperations {
    private final Simulation sim;
    private final ClusterConfig config;
    private final InvariantMonitor monitor;
    private final ControlNetwork network;
    private final StatusUpdateFaults statusUpdateFaults;
    private final ModelComponents components;
    private final ControlPlaneActors actors;
    private final ModelContext context;
    private final HistoryPort history;
    private RayWorkloadSpec raySpec;
    private RayActorSpec actorSpec;
    private boolean started;

    private Cluster(Simulation sim, ClusterConfig config, ModelComponents components) {
        this.sim = sim;
        this.config = config;
        this.components = Objects.requireNonNull(components, "components");
        this.monitor = new InvariantMonitor(sim, config.stopOnViolation);
        this.history = new HistoryPort(sim);
        this.statusUpdateFaults = new StatusUpdateFaults();
        this.network = new ControlNetwork(config, sim.random("network"), statusUpdateFaults);
        this.actors = new ControlPlaneActors(sim, config, monitor, history);
        this.context = new ModelContext(sim, config, actors.state(), network, monitor,
                actors.control(), history);
    }

    /** A cluster of no nodes yet, whose components {@code components} builds at {@link #start}. */
    public static Cluster create(Simulation sim, ClusterConfig config, ModelComponents components) {
        return new Cluster(sim, config, components);
    }

    /** Adds a node (before or after {@link #start}); returns its slot. */
    public int addNode(long cpuMilli, long memMb, boolean head) {
        return addNode(cpuMilli, memMb, head, -1, NodeAttributes.NONE);
    }

    /** Adds a node with a node class and attributes that constraints read (N-35). */
    public int addNode(long cpuMilli, long memMb, boolean head, NodeAttributes attributes) {
        return addNode(cpuMilli, memMb, head, -1, attributes);
    }

    @Override
    int addNode(long cpuMilli, long memMb, boolean head, int replacesSlot,
            NodeAttributes attributes) {
        Node node = lifecycle().addNode(cpuMilli, memMb, head, replacesSlot, attributes);
        if (started) {
            actors.record(node, NodeEvent.Kind.JOINED,
                    replacesSlot < 0 ? "" : "replaces node " + replacesSlot);
            actors.rayPlacement().onNodeChanged(node);
            actors.detector().onNodeJoined(node);
        }
        return node.slot();
    }

    /** Adds the Ray task workload; call before {@link #start}. */
    public void setRayWorkload(RayWorkloadSpec spec) {
        this.raySpec = spec;
    }

    /** Adds Ray actors and their tasks; call before {@link #start}. */
    public void setRayActors(RayActorSpec spec) {
        this.actorSpec = spec;
    }

    /**
     * Publishes the run's observable history to {@code sink}; call before {@link #start}. Nothing
     * reaches the sink before the start: the caller writes its header (run-started, and the
     * harness's own settings such as killer-configured) first; {@link #start} then writes the
     * cluster's settings and the nodes and jobs added so far. End it with {@link #endHistory}.
     */
    public void attachHistory(HistorySink sink) {
        history.attach(sink);
    }

    /**
     * As {@link #attachHistory(HistorySink)}, for a sink that reads none of the {@code unread}
     * types (an in-run monitor with no file to write): those events are not built at all.
     */
    public void attachHistory(HistorySink sink, Set<EventType> unread) {
        history.attach(sink, unread);
    }

    /** Ends the history with a run-ended; the caller closes its sink. */
    public void endHistory(RunStopReason reason) {
        history.end(reason);
    }

    /** Creates the components and arms every actor; call once, after the initial nodes. */
    public void start() {
        if (started) {
            throw new IllegalStateException("cluster already started");
        }
        started = true;
        history.open(history.on() ? ClusterSettings.of(config, sim.nowNanos()) : List.of());
        actors.markStarted();
        RayPlacement rayPlacement = components.rayPlacement().create(context);
        ClientAgent client = components.client().create(context);
        Drainer drainer = components.drainer().create(context);
        PlacementPolicy placement = components.placement().create(context);
        Scheduler scheduler = components.scheduler().create(context, placement);
        PlanApplier applier = components.planApplier().create(context);
        SchedulerWorkers workers = new SchedulerWorkers(context, actors.broker(), scheduler,
                applier);
        FailureDetector detector = components.detector().create(context);
        actors.wire(rayPlacement, client, drainer, workers, detector);
        for (int slot = 0; slot < nodeSlotCount(); slot++) {
            rayPlacement.onNodeChanged(node(slot));
        }
        client.start();
        drainer.start();
        workers.start();
        actors.startChecks();
        startFaultTimers();
        detector.start();
        if (raySpec != null) {
            RayWorkload ray = new RayWorkload(context, raySpec, rayPlacement,
                    components.retryPolicy().create(context));
            actors.setRay(ray);
            ray.start();
        }
        if (actorSpec != null) {
            RayActors rayActors = new RayActors(context, actorSpec, rayPlacement,
                    components.actorPolicy().create(context));
            actors.setRayActors(rayActors);
            rayActors.start();
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
        return actors.state();
    }

    /** The evaluation broker: pending, in-flight and blocked evaluations. */
    public EvalBroker broker() {
        return actors.broker();
    }

    public ClientAgent client() {
        return actors.client();
    }

    public Drainer drainer() {
        return actors.drainer();
    }

    public FailureDetector detector() {
        return actors.detector();
    }

    public SchedulerWorkers workers() {
        return actors.workers();
    }

    /** The Ray workload, or null if the scenario has none. */
    public RayWorkload ray() {
        return actors.ray();
    }

    /** The Ray actors, or null if the scenario has none. */
    @Override
    public RayActors rayActors() {
        return actors.rayActors();
    }

    public Node node(int slot) {
        return actors.state().node(slot);
    }

    @Override
    public long nowNanos() {
        return sim.nowNanos();
    }

    @Override
    public int nodeSlotCount() {
        return actors.state().nodeSlotCount();
    }

    /** Every node event so far, in order. */
    public List<NodeEvent> nodeEvents() {
        return actors.nodeEvents();
    }

    public int leaderEpoch() {
        return actors.leaderEpoch();
    }

    /** The context the components get; for tests and tools that build a component by hand. */
    public ModelContext context() {
        return context;
    }

    @Override
    ControlPlaneActors actors() {
        return actors;
    }

    @Override
    StatusUpdateFaults statusUpdateFaults() {
        return statusUpdateFaults;
    }

    @Override
    HistoryPort history() {
        return history;
    }

    @Override
    NodeLifecycle lifecycle() {
        return actors.lifecycle();
    }
}
