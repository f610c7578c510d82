package io.schedsim.monitor.state;

import io.schedsim.history.ActorCreated;
import io.schedsim.history.ActorStateChanged;
import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.AllocUpdatedInPlace;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ClockDriftChanged;
import io.schedsim.history.ClockJumped;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.RayDrainCall;
import io.schedsim.history.DrainerConfigured;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EventType;
import io.schedsim.history.ErrorType;
import io.schedsim.history.HealthCheckConfigured;
import io.schedsim.history.RayHeartbeatConfigured;
import io.schedsim.history.HeartbeatConfigured;
import io.schedsim.history.HeartbeatDelayChanged;
import io.schedsim.history.HeartbeatLossChanged;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.JobConstraintConfigured;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobGroupConfigured;
import io.schedsim.history.JobUpdated;
import io.schedsim.history.KillerConfigured;
import io.schedsim.history.MigrateMarked;
import io.schedsim.history.NodeAttributeSet;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.NodeResourceSet;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeRestarted;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.PartitionChanged;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.RunEnded;
import io.schedsim.history.RunStarted;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskCancelCall;
import io.schedsim.history.TaskPlacementConfigured;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.TaskSubmitted;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything the monitor knows, built from the history alone: settings, nodes, jobs,
 * allocations, tasks, reservations and disturbances. {@link #resolve} turns the ids an event
 * names into indices (the {@code *Index} fields) and refuses an event that names something
 * unknown; {@link #apply} then records it. No guard writes here.
 */
public final class State {
    public final Config config = new Config();
    public final NodeTable nodes = new NodeTable();
    /** Ray custom resources: names interned to ids, each node's capacity. */
    public final CustomResources resources = new CustomResources();
    public final JobTable jobs = new JobTable();
    public final AllocTable allocs = new AllocTable();
    public final TaskTable tasks = new TaskTable();
    public final Ledger ledger = new Ledger();
    /** CPU held by ALIVE actors, which the history reports no reservation for. */
    public final ActorHoldings actors = new ActorHoldings();
    public final Constraints constraints = new Constraints();
    public final Disturbances disturbances = new Disturbances();
    public final Verdicts verdicts;
    private final References references;

    /**
     * The event types {@link #apply} records nothing of (their guards keep what they need): a
     * history's messages, calls without state, evaluations, plans, leases, failovers, stalls and
     * actor tasks (the actor guard keeps its own table; the state keeps only the CPU actors hold).
     */
    public static final Set<EventType> STATELESS = EnumSet.of(EventType.HEARTBEAT_SENT,
            EventType.HEARTBEAT_RECEIVED, EventType.HEALTH_CHECK_SENT,
            EventType.HEALTH_CHECK_ANSWERED, EventType.HEALTH_CHECK_FAILED,
            EventType.ELIGIBILITY_SET_CALL, EventType.EVAL_CREATED, EventType.PLAN_COMMITTED,
            EventType.LEASE_GRANTED, EventType.LEASE_SPILLBACK, EventType.LEADER_FAILOVER,
            EventType.SCHEDULERS_STALLED,
            EventType.ACTOR_TASK_SUBMITTED, EventType.ACTOR_TASK_CHANGED);

    /** Index of the node the current event names, or -1. */
    public int nodeIndex;
    /** Index of the allocation the current event names, or -1 (set by apply for a placement). */
    public int allocIndex;
    /** Index of the job the current event names, or -1. */
    public int jobIndex;
    /** Index of the task the current event names, or -1. */
    public int taskIndex;
    /** The current event's type and time: guards read them here rather than ask the event. */
    public EventType eventType;
    public long eventNanos;

    public State(Verdicts verdicts) {
        this.verdicts = verdicts;
        this.references = new References(this);
    }

    /**
     * Resolves the ids of {@code event}, of {@code type} at {@code atNanos} (the caller knows
     * both), to indices; false (MON-2 reported) if it names the unknown.
     */
    public boolean resolve(HistoryEvent event, EventType type, long atNanos) {
        eventType = type;
        eventNanos = atNanos;
        nodeIndex = -1;
        allocIndex = -1;
        jobIndex = -1;
        taskIndex = -1;
        return references.resolve(event, type);
    }

    /** Records {@code event}, of {@code type}; call after {@link #resolve} returned true. */
    public void apply(HistoryEvent event, EventType type) {
        long now = eventNanos;
        switch (type) {
            case RUN_STARTED -> config.apply((RunStarted) event);
            case HEARTBEAT_CONFIGURED -> config.apply((HeartbeatConfigured) event);
            case HEALTH_CHECK_CONFIGURED -> config.apply((HealthCheckConfigured) event);
            case RAY_HEARTBEAT_CONFIGURED -> config.apply((RayHeartbeatConfigured) event);
            case DRAINER_CONFIGURED -> config.apply((DrainerConfigured) event);
            case KILLER_CONFIGURED -> config.apply((KillerConfigured) event);
            case RUN_ENDED -> config.apply((RunEnded) event);
            case NODE_REGISTERED -> {
                NodeRegistered e = (NodeRegistered) event;
                nodeIndex = nodes.register(e.node(), e.cpuMilli(), e.memMb(), e.head(), now);
            }
            case NODE_ATTRIBUTE_SET -> {
                NodeAttributeSet e = (NodeAttributeSet) event;
                constraints.setAttribute(nodeIndex, e.name(), e.value());
            }
            case NODE_RESOURCE_SET -> {
                NodeResourceSet e = (NodeResourceSet) event;
                resources.set(resources.intern(e.name()), nodeIndex, e.amountMilli());
            }
            case NODE_STATUS_CHANGED ->
                    nodes.setStatus(nodeIndex, ((NodeStatusChanged) event).status(), now);
            case ELIGIBILITY_CHANGED ->
                    nodes.setEligible(nodeIndex, ((EligibilityChanged) event).eligible());
            case DRAIN_SET_CALL -> applyDrainSet((DrainSetCall) event, now);
            case RAY_DRAIN_CALL -> applyRayDrain((RayDrainCall) event, now);
            case DRAIN_CANCEL_CALL -> {
                if (((DrainCancelCall) event).accepted() && nodes.draining(nodeIndex)) {
                    nodes.clearDrain(nodeIndex, now);
                }
            }
            case DRAIN_COMPLETED -> {
                if (nodes.draining(nodeIndex)) {
                    nodes.clearDrain(nodeIndex, now);
                }
            }
            case NODE_PURGED -> nodes.purge(nodeIndex, now);
            case HOST_TERMINATED -> {
                nodes.setHostUp(nodeIndex, false);
                disturbances.set(nodeIndex, Disturbances.DEAD, true, now);
            }
            case AGENT_KILLED -> {
                nodes.setAgentUp(nodeIndex, false);
                disturbances.set(nodeIndex, Disturbances.DEAD, true, now);
            }
            case NODE_RESTARTED -> applyRestart((NodeRestarted) event, now);
            case PARTITION_CHANGED -> {
                PartitionChanged e = (PartitionChanged) event;
                disturbances.set(nodeIndex, Disturbances.PARTITION,
                        e.toServerBlocked() || e.fromServerBlocked(), now);
            }
            case HEARTBEAT_LOSS_CHANGED -> disturbances.set(nodeIndex, Disturbances.LOSS,
                    ((HeartbeatLossChanged) event).lossProbability() > 0, now);
            case HEARTBEAT_DELAY_CHANGED -> {
                long delay = ((HeartbeatDelayChanged) event).extraDelayNanos();
                disturbances.noteDelay(nodeIndex, delay);
                disturbances.set(nodeIndex, Disturbances.DELAY, delay > 0, now);
            }
            case CLOCK_DRIFT_CHANGED -> disturbances.set(nodeIndex, Disturbances.CLOCK,
                    ((ClockDriftChanged) event).ratePpm() != 0, now);
            case CLOCK_JUMPED -> {
                long delta = ((ClockJumped) event).deltaNanos();
                if (delta < 0) {
                    disturbances.add(nodeIndex, now, Time.plus(now, -delta), Disturbances.CLOCK);
                }
            }
            case JOB_REGISTERED -> jobIndex = jobs.register((JobRegistered) event);
            case JOB_DISCONNECT_CONFIGURED -> jobs.disconnect(jobIndex,
                    Time.millis(((JobDisconnectConfigured) event).lostAfterMillis()));
            case JOB_CONSTRAINT_CONFIGURED ->
                    constraints.addConstraint(jobIndex, (JobConstraintConfigured) event);
            case JOB_UPDATED -> {
                JobUpdated e = (JobUpdated) event;
                jobs.update(jobIndex, e, now);
            }
            case JOB_PURGED -> jobs.purge(jobIndex, now);
            case JOB_GROUP_CONFIGURED -> jobs.group(jobIndex, (JobGroupConfigured) event);
            case ALLOC_PLACED -> applyPlacement((AllocPlaced) event, now);
            case ALLOC_DESIRED_CHANGED ->
                    allocs.setDesired(allocIndex, ((AllocDesiredChanged) event).desired());
            case ALLOC_CLIENT_CHANGED ->
                    allocs.setClient(allocIndex, ((AllocClientChanged) event).client(), now);
            case ALLOC_HEALTH_SET ->
                    allocs.setHealth(allocIndex, ((AllocHealthSet) event).healthy());
            case ALLOC_UPDATED_IN_PLACE ->
                    allocs.updateInPlace(allocIndex, ((AllocUpdatedInPlace) event).version());
            case MIGRATE_MARKED -> {
                boolean disable = ((MigrateMarked) event).disablePlacement();
                allocs.mark(allocIndex, disable, now);
                if (disable) {
                    jobs.noteDisablePlacement(allocs.job(allocIndex));
                }
            }
            case TASK_SUBMITTED -> {
                TaskSubmitted e = (TaskSubmitted) event;
                int parent = e.parentTask() < 0 ? -1 : tasks.index(e.parentTask());
                taskIndex = tasks.submit(e.task(), parent, e.maxRetries(), e.retryExceptions(),
                        e.oomRetries(), e.cpuMilli());
            }
            case TASK_PLACEMENT_CONFIGURED -> {
                TaskPlacementConfigured e = (TaskPlacementConfigured) event;
                int r = e.resource().isEmpty() ? -1 : resources.intern(e.resource());
                tasks.placement(taskIndex, e.memMb(), r, e.resourceMilli(), e.strategy(),
                        e.targetNode(), e.soft());
            }
            case TASK_ATTEMPT_CHANGED -> applyAttempt((TaskAttemptChanged) event);
            case TASK_RESOLVED -> tasks.resolve(taskIndex, ((TaskResolved) event).errorType(), now);
            case TASK_CANCEL_CALL -> tasks.cancel(taskIndex, ((TaskCancelCall) event).recursive());
            case RESOURCES_RESERVED -> {
                ResourcesReserved e = (ResourcesReserved) event;
                int t = e.task() < 0 ? -1 : tasks.index(e.task());
                ledger.reserve(e, nodeIndex, t < 0 ? -1 : tasks.resource(t),
                        t < 0 ? 0 : tasks.resourceMilli(t));
            }
            case RESOURCES_RELEASED -> ledger.release((ResourcesReleased) event, nodeIndex);
            case ACTOR_CREATED -> actors.created((ActorCreated) event);
            case ACTOR_STATE_CHANGED -> actors.changed((ActorStateChanged) event, nodeIndex);
            default -> {
                // STATELESS: their guards keep what they need.
            }
        }
    }

    /**
     * Node index {@code n}'s totals cover task {@code t}'s request: its CPU, memory and custom
     * resource (Ray's {@code IsFeasible}, R-12, R-14). What others hold does not count.
     */
    public boolean feasible(int t, int n) {
        return nodes.cpuMilli(n) >= tasks.cpuMilli(t) && nodes.memMb(n) >= tasks.memMb(t)
                && (tasks.resource(t) < 0
                        || resources.capacityMilli(tasks.resource(t), n) >= tasks.resourceMilli(t));
    }

    /**
     * Ray's test for a NODE_AFFINITY target (R-14, node_affinity_scheduling_policy.cc), by the
     * monitor's own view: the node is ALIVE in the servers' view (READY), has neither a Nomad
     * drain nor an accepted Ray drain (as INV-1 judges a lease), and is {@link #feasible} for
     * task {@code t}. A busy node is usable: the request queues there. {@code n} = -1 (a target
     * the history never introduced) is not usable.
     */
    public boolean usableFor(int t, int n) {
        return n >= 0 && up(n) && feasible(t, n);
    }

    /** READY with no drain of either kind: a node a Ray lease may go to, if it fits (INV-1). */
    public boolean up(int n) {
        return nodes.status(n) == NodeStatus.READY && !nodes.draining(n)
                && !nodes.rayDraining(n);
    }

    /** a dead node's accepted drain changes nothing; a deadline counts from the call. */
    private void applyRayDrain(RayDrainCall e, long now) {
        if (!e.accepted() || nodes.down(nodeIndex)) {
            return;
        }
        long deadline = e.deadlineMillis() > 0 ? Time.plus(now, Time.millis(e.deadlineMillis()))
                : Time.NEVER;
        nodes.setRayDrain(nodeIndex, e.reason(), deadline);
    }

    private void applyDrainSet(DrainSetCall e, long now) {
        if (!e.accepted()) {
            return;
        }
        // N-1, N-4: force fires now; a positive deadline counts from this call (an update
        // restarts the clock); 0 never fires.
        long deadline = e.force() ? now
                : e.deadlineMillis() > 0 ? Time.plus(now, Time.millis(e.deadlineMillis()))
                : Time.NEVER;
        nodes.setDrain(nodeIndex, deadline, e.ignoreSystemJobs());
    }

    private void applyRestart(NodeRestarted e, long now) {
        if (e.newNode() == e.node()) {
            nodes.setHostUp(nodeIndex, true);
            nodes.setAgentUp(nodeIndex, true);
            disturbances.set(nodeIndex, Disturbances.DEAD, false, now);
        }
    }

    private void applyPlacement(AllocPlaced e, long now) {
        int previous = e.previousAlloc() < 0 ? -1 : allocs.index(e.previousAlloc());
        allocIndex = allocs.place(e.alloc(), jobIndex, nodeIndex, previous,
                e.rescheduleAttempts(), jobs.version(jobIndex), now);
        jobs.addAlloc(jobIndex, allocIndex);
    }

    private void applyAttempt(TaskAttemptChanged e) {
        tasks.attempt(taskIndex, e.attempt(), nodeIndex, e.state());
        if (e.state() != AttemptState.FAILED) {
            return;
        }
        ErrorType error = e.errorType();
        boolean system = error == ErrorType.WORKER_DIED || error == ErrorType.NODE_DIED;
        // an application error retried under retry_exceptions counts like a system failure.
        boolean counted = system || error == ErrorType.TASK_EXECUTION_EXCEPTION
                && tasks.retryExceptions(taskIndex);
        // a NODE_DIED on a node whose death was a preemption is free.
        boolean preempted = error == ErrorType.NODE_DIED && nodeIndex >= 0
                && nodes.down(nodeIndex) && nodes.deathPreempted(nodeIndex);
        tasks.failure(taskIndex, error, counted && !preempted, preempted);
    }
}
