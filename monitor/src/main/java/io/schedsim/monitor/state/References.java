package io.schedsim.monitor.state;

import io.schedsim.history.ActorStateChanged;
import io.schedsim.history.ActorTaskChanged;
import io.schedsim.history.AgentKilled;
import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.AllocUpdatedInPlace;
import io.schedsim.history.ClockDriftChanged;
import io.schedsim.history.ClockJumped;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainCompleted;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.RayDrainCall;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EligibilitySetCall;
import io.schedsim.history.EvalCreated;
import io.schedsim.history.EventType;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HealthCheckSent;
import io.schedsim.history.HealthChecksChanged;
import io.schedsim.history.HeartbeatDelayChanged;
import io.schedsim.history.HeartbeatLossChanged;
import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HeartbeatSent;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobConstraintConfigured;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.JobGroupConfigured;
import io.schedsim.history.JobPurged;
import io.schedsim.history.JobUpdated;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.LeaseSpillback;
import io.schedsim.history.MigrateMarked;
import io.schedsim.history.NodeAttributeSet;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.NodeResourceSet;
import io.schedsim.history.NodePurged;
import io.schedsim.history.NodeRestarted;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.PartitionChanged;
import io.schedsim.history.PlanCommitted;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskCancelCall;
import io.schedsim.history.TaskPlacementConfigured;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.TaskSubmitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;

/**
 * Resolves the ids an event names to the state's indices, and refuses (MON-2) an event that
 * names a node, job, allocation or task the history never introduced, or introduces one twice.
 * Reservations may name a holder not placed yet: a placement and its reservation share a step.
 */
final class References {
    private static final int NONE = MonitorViolation.NONE;

    private final State state;

    References(State state) {
        this.state = state;
    }

    boolean resolve(HistoryEvent event, EventType type) {
        switch (type) {
            case NODE_REGISTERED -> {
                NodeRegistered e = (NodeRegistered) event;
                return fresh(state.nodes.index(e.node()) < 0, "node", e.node())
                        && (e.replacesNode() < 0 || state.nodes.index(e.replacesNode()) >= 0
                                || unknown("node", e.replacesNode()));
            }
            case NODE_ATTRIBUTE_SET -> { return node(((NodeAttributeSet) event).node()); }
            case NODE_RESOURCE_SET -> { return node(((NodeResourceSet) event).node()); }
            case NODE_STATUS_CHANGED -> { return node(((NodeStatusChanged) event).node()); }
            case ELIGIBILITY_CHANGED -> { return node(((EligibilityChanged) event).node()); }
            case DRAIN_SET_CALL -> { return node(((DrainSetCall) event).node()); }
            case RAY_DRAIN_CALL -> { return node(((RayDrainCall) event).node()); }
            case DRAIN_CANCEL_CALL -> { return node(((DrainCancelCall) event).node()); }
            case ELIGIBILITY_SET_CALL -> { return node(((EligibilitySetCall) event).node()); }
            case DRAIN_COMPLETED -> { return node(((DrainCompleted) event).node()); }
            case NODE_PURGED -> { return node(((NodePurged) event).node()); }
            case HEARTBEAT_SENT -> { return node(((HeartbeatSent) event).node()); }
            case HEARTBEAT_RECEIVED -> { return node(((HeartbeatReceived) event).node()); }
            case HEALTH_CHECK_SENT -> { return node(((HealthCheckSent) event).node()); }
            case HEALTH_CHECK_ANSWERED -> { return node(((HealthCheckAnswered) event).node()); }
            case HEALTH_CHECK_FAILED -> { return node(((HealthCheckFailed) event).node()); }
            case HOST_TERMINATED -> { return node(((HostTerminated) event).node()); }
            case AGENT_KILLED -> { return node(((AgentKilled) event).node()); }
            case NODE_RESTARTED -> { return node(((NodeRestarted) event).node()); }
            case PARTITION_CHANGED -> { return node(((PartitionChanged) event).node()); }
            case HEARTBEAT_LOSS_CHANGED -> { return node(((HeartbeatLossChanged) event).node()); }
            case HEARTBEAT_DELAY_CHANGED -> {
                return node(((HeartbeatDelayChanged) event).node());
            }
            case HEALTH_CHECKS_CHANGED -> {
                int node = ((HealthChecksChanged) event).node();
                return node < 0 || node(node);
            }
            case CLOCK_DRIFT_CHANGED -> { return node(((ClockDriftChanged) event).node()); }
            case CLOCK_JUMPED -> { return node(((ClockJumped) event).node()); }
            case JOB_REGISTERED -> {
                int job = ((JobRegistered) event).job();
                return fresh(state.jobs.index(job) < 0, "job", job);
            }
            case JOB_UPDATED -> { return job(((JobUpdated) event).job()); }
            case JOB_PURGED -> { return job(((JobPurged) event).job()); }
            case JOB_GROUP_CONFIGURED -> { return job(((JobGroupConfigured) event).job()); }
            case JOB_CONSTRAINT_CONFIGURED -> {
                return job(((JobConstraintConfigured) event).job());
            }
            case JOB_DISCONNECT_CONFIGURED -> {
                return job(((JobDisconnectConfigured) event).job());
            }
            case EVAL_CREATED -> {
                EvalCreated e = (EvalCreated) event;
                return job(e.job()) && (e.node() < 0 || node(e.node()));
            }
            case PLAN_COMMITTED -> { return job(((PlanCommitted) event).job()); }
            case ALLOC_PLACED -> { return placement((AllocPlaced) event); }
            case ALLOC_DESIRED_CHANGED -> { return alloc(((AllocDesiredChanged) event).alloc()); }
            case ALLOC_CLIENT_CHANGED -> { return alloc(((AllocClientChanged) event).alloc()); }
            case ALLOC_HEALTH_SET -> { return alloc(((AllocHealthSet) event).alloc()); }
            case MIGRATE_MARKED -> { return alloc(((MigrateMarked) event).alloc()); }
            case ALLOC_UPDATED_IN_PLACE -> {
                return alloc(((AllocUpdatedInPlace) event).alloc());
            }
            case TASK_SUBMITTED -> {
                TaskSubmitted e = (TaskSubmitted) event;
                return fresh(state.tasks.index(e.task()) < 0, "task", e.task())
                        && (e.parentTask() < 0 || task(e.parentTask()));
            }
            case TASK_ATTEMPT_CHANGED -> {
                TaskAttemptChanged e = (TaskAttemptChanged) event;
                return task(e.task()) && (e.node() < 0 || node(e.node()));
            }
            case LEASE_GRANTED -> {
                LeaseGranted e = (LeaseGranted) event;
                return task(e.task()) && node(e.node());
            }
            case LEASE_SPILLBACK -> {
                LeaseSpillback e = (LeaseSpillback) event;
                return task(e.task()) && node(e.fromNode()) && node(e.toNode());
            }
            case TASK_PLACEMENT_CONFIGURED -> {
                // The NODE_AFFINITY target is a node id the task names, not a reference: Ray
                // takes any id, and one it does not know is simply not usable.
                return task(((TaskPlacementConfigured) event).task());
            }
            case TASK_RESOLVED -> { return task(((TaskResolved) event).task()); }
            case TASK_CANCEL_CALL -> { return task(((TaskCancelCall) event).task()); }
            case RESOURCES_RESERVED -> { return node(((ResourcesReserved) event).node()); }
            case RESOURCES_RELEASED -> { return node(((ResourcesReleased) event).node()); }
            case ACTOR_STATE_CHANGED -> {
                int node = ((ActorStateChanged) event).node();
                return node < 0 || node(node);
            }
            case ACTOR_TASK_CHANGED -> { return node(((ActorTaskChanged) event).node()); }
            default -> { return true; }
        }
    }

    private boolean placement(AllocPlaced e) {
        if (!fresh(state.allocs.index(e.alloc()) < 0, "allocation", e.alloc())
                || !job(e.job()) || !node(e.node())) {
            return false;
        }
        if (e.previousAlloc() >= 0 && state.allocs.index(e.previousAlloc()) < 0) {
            return unknown("allocation", e.previousAlloc());
        }
        return true;
    }

    private boolean node(int id) {
        state.nodeIndex = state.nodes.index(id);
        return state.nodeIndex >= 0 || unknown("node", id);
    }

    private boolean job(int id) {
        state.jobIndex = state.jobs.index(id);
        return state.jobIndex >= 0 || unknown("job", id);
    }

    private boolean alloc(int id) {
        state.allocIndex = state.allocs.index(id);
        if (state.allocIndex < 0) {
            return unknown("allocation", id);
        }
        state.jobIndex = state.allocs.job(state.allocIndex);
        state.nodeIndex = state.allocs.node(state.allocIndex);
        return true;
    }

    private boolean task(long id) {
        state.taskIndex = state.tasks.index(id);
        return state.taskIndex >= 0 || unknown("task", id);
    }

    private boolean unknown(String what, long id) {
        state.verdicts.report(Invariant.HISTORY_INCONSISTENT, NONE, NONE, NONE, NONE,
                "names " + what + " " + id + ", which the history never introduced");
        return false;
    }

    private boolean fresh(boolean isFresh, String what, long id) {
        if (!isFresh) {
            state.verdicts.report(Invariant.HISTORY_INCONSISTENT, NONE, NONE, NONE, NONE,
                    "introduces " + what + " " + id + " a second time");
        }
        return isFresh;
    }
}
