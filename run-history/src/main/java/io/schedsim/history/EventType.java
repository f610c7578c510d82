package io.schedsim.history;

/**
 * Every kind of {@link HistoryEvent}: its JSON {@code "type"} name and its record class. The
 * order is the order of docs/history.md; the names are part of the format and never change.
 */
public enum EventType {
    RUN_STARTED("run-started", RunStarted.class),
    HEARTBEAT_CONFIGURED("heartbeat-configured", HeartbeatConfigured.class),
    HEALTH_CHECK_CONFIGURED("health-check-configured", HealthCheckConfigured.class),
    RAY_HEARTBEAT_CONFIGURED("ray-heartbeat-configured", RayHeartbeatConfigured.class),
    DRAINER_CONFIGURED("drainer-configured", DrainerConfigured.class),
    KILLER_CONFIGURED("killer-configured", KillerConfigured.class),
    RUN_ENDED("run-ended", RunEnded.class),
    NODE_REGISTERED("node-registered", NodeRegistered.class),
    NODE_ATTRIBUTE_SET("node-attribute-set", NodeAttributeSet.class),
    NODE_STATUS_CHANGED("node-status-changed", NodeStatusChanged.class),
    ELIGIBILITY_CHANGED("eligibility-changed", EligibilityChanged.class),
    DRAIN_SET_CALL("drain-set-call", DrainSetCall.class),
    DRAIN_CANCEL_CALL("drain-cancel-call", DrainCancelCall.class),
    ELIGIBILITY_SET_CALL("eligibility-set-call", EligibilitySetCall.class),
    DRAIN_COMPLETED("drain-completed", DrainCompleted.class),
    NODE_PURGED("node-purged", NodePurged.class),
    HEARTBEAT_SENT("heartbeat-sent", HeartbeatSent.class),
    HEARTBEAT_RECEIVED("heartbeat-received", HeartbeatReceived.class),
    HEALTH_CHECK_SENT("health-check-sent", HealthCheckSent.class),
    HEALTH_CHECK_ANSWERED("health-check-answered", HealthCheckAnswered.class),
    HEALTH_CHECK_FAILED("health-check-failed", HealthCheckFailed.class),
    HOST_TERMINATED("host-terminated", HostTerminated.class),
    AGENT_KILLED("agent-killed", AgentKilled.class),
    NODE_RESTARTED("node-restarted", NodeRestarted.class),
    PARTITION_CHANGED("partition-changed", PartitionChanged.class),
    HEARTBEAT_LOSS_CHANGED("heartbeat-loss-changed", HeartbeatLossChanged.class),
    HEARTBEAT_DELAY_CHANGED("heartbeat-delay-changed", HeartbeatDelayChanged.class),
    HEALTH_CHECKS_CHANGED("health-checks-changed", HealthChecksChanged.class),
    CLOCK_DRIFT_CHANGED("clock-drift-changed", ClockDriftChanged.class),
    CLOCK_JUMPED("clock-jumped", ClockJumped.class),
    LEADER_FAILOVER("leader-failover", LeaderFailover.class),
    SCHEDULERS_STALLED("schedulers-stalled", SchedulersStalled.class),
    JOB_REGISTERED("job-registered", JobRegistered.class),
    JOB_DISCONNECT_CONFIGURED("job-disconnect-configured", JobDisconnectConfigured.class),
    JOB_CONSTRAINT_CONFIGURED("job-constraint-configured", JobConstraintConfigured.class),
    JOB_GROUP_CONFIGURED("job-group-configured", JobGroupConfigured.class),
    JOB_UPDATED("job-updated", JobUpdated.class),
    JOB_PURGED("job-purged", JobPurged.class),
    EVAL_CREATED("eval-created", EvalCreated.class),
    PLAN_COMMITTED("plan-committed", PlanCommitted.class),
    ALLOC_PLACED("alloc-placed", AllocPlaced.class),
    ALLOC_DESIRED_CHANGED("alloc-desired-changed", AllocDesiredChanged.class),
    ALLOC_CLIENT_CHANGED("alloc-client-changed", AllocClientChanged.class),
    ALLOC_HEALTH_SET("alloc-health-set", AllocHealthSet.class),
    MIGRATE_MARKED("migrate-marked", MigrateMarked.class),
    ALLOC_UPDATED_IN_PLACE("alloc-updated-in-place", AllocUpdatedInPlace.class),
    TASK_SUBMITTED("task-submitted", TaskSubmitted.class),
    TASK_ATTEMPT_CHANGED("task-attempt-changed", TaskAttemptChanged.class),
    LEASE_GRANTED("lease-granted", LeaseGranted.class),
    TASK_RESOLVED("task-resolved", TaskResolved.class),
    RESOURCES_RESERVED("resources-reserved", ResourcesReserved.class),
    RESOURCES_RELEASED("resources-released", ResourcesReleased.class),
    RAY_DRAIN_CALL("ray-drain-call", RayDrainCall.class),
    ACTOR_CREATED("actor-created", ActorCreated.class),
    ACTOR_STATE_CHANGED("actor-state-changed", ActorStateChanged.class),
    ACTOR_TASK_SUBMITTED("actor-task-submitted", ActorTaskSubmitted.class),
    ACTOR_TASK_CHANGED("actor-task-changed", ActorTaskChanged.class),
    TASK_CANCEL_CALL("task-cancel-call", TaskCancelCall.class),
    LEASE_SPILLBACK("lease-spillback", LeaseSpillback.class),
    NODE_RESOURCE_SET("node-resource-set", NodeResourceSet.class),
    TASK_PLACEMENT_CONFIGURED("task-placement-configured", TaskPlacementConfigured.class);

    private final String jsonName;
    private final Class<? extends HistoryEvent> recordClass;

    EventType(String jsonName, Class<? extends HistoryEvent> recordClass) {
        this.jsonName = jsonName;
        this.recordClass = recordClass;
    }

    /** The kebab-case name written as {@code "type"} in JSONL. */
    public String jsonName() {
        return jsonName;
    }

    /** The record class of events of this kind. */
    public Class<? extends HistoryEvent> recordClass() {
        return recordClass;
    }

    /** The kind called {@code jsonName}, or null if there is none. */
    public static EventType byJsonName(String jsonName) {
        for (EventType type : values()) {
            if (type.jsonName.equals(jsonName)) {
                return type;
            }
        }
        return null;
    }
}
