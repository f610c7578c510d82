package io.schedsim.monitor;

import io.schedsim.history.RayDrainCall;
import io.schedsim.history.RayDrainReason;
import io.schedsim.history.AgentKilled;
import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.DetectorPolicy;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainCompleted;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.DrainerConfigured;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EligibilitySetCall;
import io.schedsim.history.EligibilitySource;
import io.schedsim.history.ErrorType;
import io.schedsim.history.EvalCreated;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckConfigured;
import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HealthCheckFailure;
import io.schedsim.history.HealthCheckSent;
import io.schedsim.history.HeartbeatConfigured;
import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HeartbeatSent;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistoryFormat;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.LeaseSpillback;
import io.schedsim.history.MigrateMarked;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.NodeResourceSet;
import io.schedsim.history.PlacementStrategy;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodePurged;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.PartitionChanged;
import io.schedsim.history.PlanCommitted;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.RunEnded;
import io.schedsim.history.RayHeartbeatConfigured;
import io.schedsim.history.RunStarted;
import io.schedsim.history.RunStopReason;
import io.schedsim.history.SchedulersStalled;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskCancelCall;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.TaskPlacementConfigured;
import io.schedsim.history.TaskSubmitted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent builder of histories for the guard tests. Each step appends the events a correct
 * cluster would show for it at the builder's clock (a placement reserves, a stop releases, a
 * drain mark comes with its node-drain evaluation, a node turning ready, eligible or down with
 * node-update evaluations of every job); {@link #add} appends any event as it is, to break a
 * rule on purpose. Ids are the caller's; the defaults are small (4 CPU, 8 GiB nodes; 500 mCPU,
 * 256 MiB allocations).
 */
public final class HistoryBuilder {
    public static final long NODE_CPU_MILLI = 4_000;
    public static final long NODE_MEM_MB = 8_192;
    public static final long ALLOC_CPU_MILLI = 500;
    public static final long ALLOC_MEM_MB = 256;
    public static final long TASK_CPU_MILLI = 1_000;
    private static final long MS = 1_000_000L;

    private final List<HistoryEvent> events = new ArrayList<>();
    private final Map<Integer, JobRegistered> jobs = new LinkedHashMap<>();
    private final Map<Integer, Integer> allocNode = new LinkedHashMap<>();
    private final Map<Integer, Integer> allocJob = new LinkedHashMap<>();
    private final Map<Integer, Boolean> allocHolds = new LinkedHashMap<>();
    private final Map<Long, Integer> taskHeldOn = new LinkedHashMap<>();
    private final Map<Long, Long> taskMemMb = new LinkedHashMap<>();
    private final Map<Integer, Boolean> eligible = new LinkedHashMap<>();
    private long nowNanos;
    private int evalIds = 1_000;

    private HistoryBuilder(DetectorPolicy detector) {
        add(new RunStarted(0, HistoryFormat.VERSION_1, "test", 1, "", detector));
    }

    /** A Nomad run: TTL heartbeats (10 s, 50/s, grace 10 s, failover 5 m), drainer 1 s / 5 s. */
    public static HistoryBuilder nomad() {
        HistoryBuilder b = new HistoryBuilder(DetectorPolicy.NOMAD_TTL);
        b.add(new HeartbeatConfigured(0, 10_000, 50.0, 10_000, 300_000));
        return b.add(new DrainerConfigured(0, 1_000, 5_000));
    }

    /** A Ray run: health checks (5 s, 3 s, 10 s, 5), drainer 1 s / 5 s. */
    public static HistoryBuilder ray() {
        HistoryBuilder b = new HistoryBuilder(DetectorPolicy.RAY_HEALTH_CHECK);
        b.add(new HealthCheckConfigured(0, 5_000, 3_000, 10_000, 5));
        return b.add(new DrainerConfigured(0, 1_000, 5_000));
    }

    /** A Ray run with legacy push heartbeats (1 s × 30, R-9), drainer 1 s / 5 s. */
    public static HistoryBuilder rayLegacy() {
        HistoryBuilder b = new HistoryBuilder(DetectorPolicy.RAY_LEGACY_HEARTBEAT);
        b.add(new RayHeartbeatConfigured(0, 1_000, 30));
        return b.add(new DrainerConfigured(0, 1_000, 5_000));
    }

    /** Only the run-started header: no settings at all. */
    public static HistoryBuilder bare(DetectorPolicy detector) {
        return new HistoryBuilder(detector);
    }

    public HistoryBuilder add(HistoryEvent event) {
        events.add(event);
        return this;
    }

    public HistoryBuilder atMillis(long millis) {
        if (millis * MS < nowNanos) {
            throw new IllegalArgumentException("time goes back to " + millis + " ms");
        }
        nowNanos = millis * MS;
        return this;
    }

    public HistoryBuilder at(double seconds) {
        return atMillis(Math.round(seconds * 1_000));
    }

    public HistoryBuilder atNanos(long nanos) {
        nowNanos = nanos;
        return this;
    }

    public HistoryBuilder advanceMillis(long millis) {
        nowNanos += millis * MS;
        return this;
    }

    public long now() {
        return nowNanos;
    }

    public HistoryBuilder node(int id) {
        return node(id, NODE_CPU_MILLI, NODE_MEM_MB, false);
    }

    /** Registers a node and makes it ready (Ray registers nodes ALIVE; Nomad on a heartbeat). */
    public HistoryBuilder node(int id, long cpuMilli, long memMb, boolean head) {
        add(new NodeRegistered(nowNanos, id, cpuMilli, memMb, head, -1));
        eligible.put(id, true);
        add(new NodeStatusChanged(nowNanos, id, NodeStatus.READY, "registered"));
        return nodeEvals(id);
    }

    /** One custom resource of a node, right after its registration. */
    public HistoryBuilder resource(int node, String name, long amountMilli) {
        return add(new NodeResourceSet(nowNanos, node, name, amountMilli));
    }

    public HistoryBuilder register(int id, int replaces) {
        add(new NodeRegistered(nowNanos, id, NODE_CPU_MILLI, NODE_MEM_MB, false, replaces));
        eligible.put(id, true);
        return this;
    }

    public HistoryBuilder status(int node, NodeStatus status) {
        return add(new NodeStatusChanged(nowNanos, node, status, status.name().toLowerCase()));
    }

    /** The node goes down/DEAD, with the node-update evaluations N-22 asks for. */
    public HistoryBuilder down(int node) {
        add(new NodeStatusChanged(nowNanos, node, NodeStatus.DOWN, "Node heartbeat missed"));
        return nodeEvals(node);
    }

    /** The operator purged the node, with its node-update evaluations (Node.Deregister). */
    public HistoryBuilder purge(int node) {
        add(new NodePurged(nowNanos, node));
        return nodeEvals(node);
    }

    /** A purged node's client registers again: ready, eligible, no drain; its evaluations. */
    public HistoryBuilder registerAgain(int node) {
        add(new NodeStatusChanged(nowNanos, node, NodeStatus.READY, "Node registered"));
        eligible.put(node, true);
        return nodeEvals(node);
    }

    /** A node-update evaluation of every job (a superset of what N-22 asks). */
    public HistoryBuilder nodeEvals(int node) {
        for (int job : jobs.keySet()) {
            add(new EvalCreated(nowNanos, evalIds++, job, "node-update", node));
        }
        return this;
    }

    public HistoryBuilder heartbeat(int node, long ttlMillis) {
        add(new HeartbeatSent(nowNanos, node));
        return add(new HeartbeatReceived(nowNanos, node, ttlMillis * MS));
    }

    /** An answered Ray DrainNode call, as the autoscaler sees it. */
    public HistoryBuilder rayDrain(int node, RayDrainReason reason, long deadlineMillis,
            boolean accepted) {
        return add(new RayDrainCall(nowNanos, node, reason, deadlineMillis, accepted,
                accepted ? "ok" : "rejected"));
    }

    public HistoryBuilder drain(int node, long deadlineMillis) {
        return drain(node, deadlineMillis, false, false);
    }

    public HistoryBuilder forceDrain(int node) {
        return drain(node, 0, true, false);
    }

    /** N-1, N-5: the drain set (accepted) makes an eligible node ineligible first. */
    public HistoryBuilder drain(int node, long deadlineMillis, boolean force,
            boolean ignoreSystem) {
        if (eligible.getOrDefault(node, true)) {
            add(new EligibilityChanged(nowNanos, node, false, EligibilitySource.DRAIN_SET));
            eligible.put(node, false);
        }
        return add(new DrainSetCall(nowNanos, node, deadlineMillis, force, ignoreSystem, true,
                "ok"));
    }

    /** As the model publishes it: the call as the drain clears, then its eligibility change. */
    public HistoryBuilder cancelDrain(int node, boolean markEligible) {
        add(new DrainCancelCall(nowNanos, node, markEligible, true, "ok"));
        if (markEligible && !eligible.getOrDefault(node, true)) {
            add(new EligibilityChanged(nowNanos, node, true, EligibilitySource.DRAIN_DISABLE));
            eligible.put(node, true);
            nodeEvals(node);
        }
        return this;
    }

    /** The eligibility API, accepted: the change (if any), its evaluations, the call. */
    public HistoryBuilder setEligible(int node, boolean value) {
        if (eligible.getOrDefault(node, true) != value) {
            add(new EligibilityChanged(nowNanos, node, value, EligibilitySource.OPERATOR));
            eligible.put(node, value);
            if (value) {
                nodeEvals(node);
            }
        }
        return add(new EligibilitySetCall(nowNanos, node, value, true, "ok"));
    }

    public HistoryBuilder rejectEligible(int node) {
        return add(new EligibilitySetCall(nowNanos, node, true, false,
                "can not set node's scheduling eligibility to eligible while it is draining"));
    }

    public HistoryBuilder drainCompleted(int node, boolean deadlineReached) {
        return add(new DrainCompleted(nowNanos, node, deadlineReached));
    }

    public HistoryBuilder job(int id, JobType type, int count) {
        return job(id, type, count, 1);
    }

    public HistoryBuilder job(int id, JobType type, int count, int maxParallel) {
        return job(new JobRegistered(nowNanos, id, "job-" + id, type, count, ALLOC_CPU_MILLI,
                ALLOC_MEM_MB, maxParallel, 10_000, 300_000, type == JobType.BATCH ? 1 : 0,
                type == JobType.BATCH ? 5_000 : 30_000, type == JobType.SERVICE));
    }

    public HistoryBuilder job(JobRegistered spec) {
        jobs.put(spec.job(), spec);
        add(spec);
        return add(new EvalCreated(nowNanos, evalIds++, spec.job(), "job-register", -1));
    }

    public HistoryBuilder plan(int job, int placements, int stops, int migrations, int lost) {
        return add(new PlanCommitted(nowNanos, evalIds++, job, nowNanos, placements, stops,
                migrations, lost));
    }

    public HistoryBuilder place(int alloc, int job, int node) {
        return replace(alloc, job, node, -1);
    }

    /** Commits a placement and its reservation. */
    public HistoryBuilder replace(int alloc, int job, int node, int previous) {
        return replace(alloc, job, node, previous, 0);
    }

    public HistoryBuilder replace(int alloc, int job, int node, int previous, int attempts) {
        add(new AllocPlaced(nowNanos, alloc, job, node, previous, attempts));
        allocNode.put(alloc, node);
        allocJob.put(alloc, job);
        JobRegistered spec = jobs.get(job);
        allocHolds.put(alloc, true);
        return add(new ResourcesReserved(nowNanos, node, spec.cpuMilli(), spec.memMb(), alloc,
                -1, -1));
    }

    public HistoryBuilder running(int alloc) {
        return add(new AllocClientChanged(nowNanos, alloc, ClientStatus.RUNNING));
    }

    public HistoryBuilder healthy(int alloc) {
        return add(new AllocHealthSet(nowNanos, alloc, true));
    }

    /** Desired stop, and the reservation released (the servers free it at once). */
    public HistoryBuilder stop(int alloc, String reason) {
        add(new AllocDesiredChanged(nowNanos, alloc, DesiredStatus.STOP, reason));
        return release(alloc);
    }

    public HistoryBuilder complete(int alloc) {
        add(new AllocClientChanged(nowNanos, alloc, ClientStatus.COMPLETE));
        return release(alloc);
    }

    public HistoryBuilder failed(int alloc) {
        add(new AllocClientChanged(nowNanos, alloc, ClientStatus.FAILED));
        return release(alloc);
    }

    /** N-31: stop and lost in one step, reservation released. */
    public HistoryBuilder lost(int alloc) {
        add(new AllocDesiredChanged(nowNanos, alloc, DesiredStatus.STOP,
                "alloc is lost since its node is down"));
        add(new AllocClientChanged(nowNanos, alloc, ClientStatus.LOST));
        return release(alloc);
    }

    public HistoryBuilder release(int alloc) {
        if (allocHolds.getOrDefault(alloc, false)) {
            JobRegistered spec = jobs.get(allocJob.get(alloc));
            add(new ResourcesReleased(nowNanos, allocNode.get(alloc), spec.cpuMilli(),
                    spec.memMb(), alloc, -1, -1));
            allocHolds.put(alloc, false);
        }
        return this;
    }

    /** The drainer's mark and the node-drain evaluation of its job (N-19). */
    public HistoryBuilder mark(int alloc, boolean disablePlacement) {
        add(new MigrateMarked(nowNanos, alloc, disablePlacement));
        return add(new EvalCreated(nowNanos, evalIds++, allocJob.get(alloc), "node-drain", -1));
    }

    public HistoryBuilder eval(int job, String triggeredBy, int node) {
        return add(new EvalCreated(nowNanos, evalIds++, job, triggeredBy, node));
    }

    public HistoryBuilder submit(long task, long parent, int maxRetries) {
        return submit(task, parent, maxRetries, false);
    }

    /** A task with retry_exceptions {@code retryExceptions}. */
    public HistoryBuilder submit(long task, long parent, int maxRetries, boolean retryExceptions) {
        return submit(task, parent, maxRetries, retryExceptions, -1);
    }

    /** A task with retry_exceptions and an OOM budget, task_oom_retries. */
    public HistoryBuilder submit(long task, long parent, int maxRetries, boolean retryExceptions,
            int oomRetries) {
        return add(new TaskSubmitted(nowNanos, task, parent, maxRetries, retryExceptions,
                oomRetries, TASK_CPU_MILLI));
    }

    /**
     * The task's task-placement-configured, right after its submission; its leases
     * then reserve its memory too.
     */
    public HistoryBuilder placement(long task, long memMb, String resource, long resourceMilli,
            PlacementStrategy strategy, int targetNode, boolean soft) {
        taskMemMb.put(task, memMb);
        return add(new TaskPlacementConfigured(nowNanos, task, memMb, resource, resourceMilli,
                strategy, targetNode, soft));
    }

    /** A CPU-only task under NODE_AFFINITY to {@code target}, hard or soft. */
    public HistoryBuilder affinity(long task, int target, boolean soft) {
        return placement(task, 0, "", 0, PlacementStrategy.NODE_AFFINITY, target, soft);
    }

    /**
     * As the owner's raylet cancels a hard NODE_AFFINITY request whose target is not usable
     * the pending attempt fails TASK_UNSCHEDULABLE on no node, the task resolves so.
     */
    public HistoryBuilder unschedulable(long task, int attempt) {
        add(new TaskAttemptChanged(nowNanos, task, attempt, -1, AttemptState.FAILED,
                ErrorType.TASK_UNSCHEDULABLE));
        return resolve(task, ErrorType.TASK_UNSCHEDULABLE);
    }

    public HistoryBuilder pending(long task, int attempt) {
        return add(new TaskAttemptChanged(nowNanos, task, attempt, -1,
                AttemptState.PENDING_NODE_ASSIGNMENT, ErrorType.NONE));
    }

    /** Lease, reservation, and the attempt RUNNING there. */
    public HistoryBuilder lease(long task, int attempt, int node) {
        return lease(task, attempt, node, 0);
    }

    /** The raylet on {@code from} redirected the attempt's lease request to {@code to}. */
    public HistoryBuilder spillback(long task, int attempt, int from, int to) {
        return add(new LeaseSpillback(nowNanos, task, attempt, from, to));
    }

    /** As {@link #lease(long, int, int)}, granted after {@code spillbacks} redirects. */
    public HistoryBuilder lease(long task, int attempt, int node, int spillbacks) {
        add(new LeaseGranted(nowNanos, task, attempt, node, TASK_CPU_MILLI, spillbacks));
        add(new ResourcesReserved(nowNanos, node, TASK_CPU_MILLI,
                taskMemMb.getOrDefault(task, 0L), -1, task, attempt));
        taskHeldOn.put(task, node);
        return add(new TaskAttemptChanged(nowNanos, task, attempt, node, AttemptState.RUNNING,
                ErrorType.NONE));
    }

    public HistoryBuilder releaseTask(long task, int attempt) {
        Integer node = taskHeldOn.remove(task);
        if (node != null) {
            add(new ResourcesReleased(nowNanos, node, TASK_CPU_MILLI,
                    taskMemMb.getOrDefault(task, 0L), -1, task, attempt));
        }
        return this;
    }

    public HistoryBuilder finishAttempt(long task, int attempt, int node) {
        releaseTask(task, attempt);
        return add(new TaskAttemptChanged(nowNanos, task, attempt, node, AttemptState.FINISHED,
                ErrorType.NONE));
    }

    public HistoryBuilder failAttempt(long task, int attempt, int node, ErrorType error) {
        releaseTask(task, attempt);
        return add(new TaskAttemptChanged(nowNanos, task, attempt, node, AttemptState.FAILED,
                error));
    }

    /** The owner's {@code ray.cancel} of the task, before its effects. */
    public HistoryBuilder cancel(long task, boolean force, boolean recursive) {
        return add(new TaskCancelCall(nowNanos, task, force, recursive));
    }

    public HistoryBuilder resolve(long task, ErrorType error) {
        return add(new TaskResolved(nowNanos, task, error));
    }

    public HistoryBuilder terminate(int node, boolean byKiller) {
        return add(new HostTerminated(nowNanos, node, byKiller));
    }

    public HistoryBuilder killAgent(int node) {
        return add(new AgentKilled(nowNanos, node, false));
    }

    public HistoryBuilder partition(int node, boolean blocked) {
        return add(new PartitionChanged(nowNanos, node, blocked, blocked));
    }

    public HistoryBuilder checkSent(int node) {
        return add(new HealthCheckSent(nowNanos, node));
    }

    public HistoryBuilder checkAnswered(int node) {
        return add(new HealthCheckAnswered(nowNanos, node));
    }

    public HistoryBuilder checkFailed(int node, HealthCheckFailure failure) {
        return add(new HealthCheckFailed(nowNanos, node, failure));
    }

    /** A neutral event (a stall that ends at once) that only moves the monitor's clock here. */
    public HistoryBuilder tick() {
        return add(new SchedulersStalled(nowNanos, nowNanos));
    }

    public HistoryBuilder end(RunStopReason reason) {
        return add(new RunEnded(nowNanos, reason));
    }

    public HistoryBuilder end() {
        return end(RunStopReason.TIME_LIMIT);
    }

    public List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    public MonitorReport check() {
        return Monitor.check(events);
    }
}
