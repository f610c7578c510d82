package io.schedsim.model.config;

/**
 * Every knob of the cluster model, with its default. Defaults are documented here and nowhere
 * else; sources are SEMANTICS §7 unless a field says "model choice". Times are in the unit a
 * person types (millis) and are converted to nanoseconds once, by the components that use them.
 * Scenarios copy and adjust a config before building a cluster; a built cluster never changes it.
 */
public final class ClusterConfig {
    /** Failure detection policy; Ray's health checks by default. */
    public DetectorPolicy detector = DetectorPolicy.RAY_HEALTH_CHECK;

    /** Nomad min_heartbeat_ttl (N-24). */
    public long minHeartbeatTtlMillis = 10_000;
    /** Nomad max_heartbeats_per_second (N-24). */
    public double maxHeartbeatsPerSecond = 50.0;
    /** Nomad heartbeat_grace (N-24). */
    public long heartbeatGraceMillis = 10_000;
    /** Nomad failover_heartbeat_ttl (N-26). */
    public long failoverHeartbeatTtlMillis = 300_000;
    /** Client retry after a heartbeat that got no answer; model choice (N-25 uncertain). */
    public long heartbeatRetryIntervalMillis = 2_000;

    /** Ray health_check_initial_delay_ms. */
    public long healthCheckInitialDelayMillis = 5_000;
    /** Ray health_check_period_ms. */
    public long healthCheckPeriodMillis = 3_000;
    /** Ray health_check_timeout_ms. */
    public long healthCheckTimeoutMillis = 10_000;
    /** Ray health_check_failure_threshold. */
    public int healthCheckFailureThreshold = 5;

    /** Ray raylet_heartbeat_period_milliseconds, legacy push heartbeats. */
    public long rayHeartbeatPeriodMillis = 1_000;
    /** Ray num_heartbeats_timeout: GCS periods without a heartbeat before DEAD. */
    public int rayNumHeartbeatsTimeout = 30;
    /** Ray raylet_liveness_self_check_interval_ms: a raylet asks if it was declared dead. */
    public long rayLivenessSelfCheckIntervalMillis = 60_000;

    /** One-way control-plane message delay, uniform in [min, max]; model choice. */
    public long networkDelayMillisMin = 1;
    /** See {@link #networkDelayMillisMin}. */
    public long networkDelayMillisMax = 5;

    /** Scheduler workers processing evaluations concurrently; model choice (Nomad: #cores). */
    public int schedulerWorkers = 2;
    /** Upper bound of the seeded delay between planning and plan commit (staleness); model choice. */
    public long planCommitDelayMillisMax = 20;
    /** Plan attempts for service, system and batch jobs before the eval fails (N-39). */
    public int planAttemptsService = 5;
    /** See {@link #planAttemptsService}. */
    public int planAttemptsSystem = 5;
    /** See {@link #planAttemptsService}. */
    public int planAttemptsBatch = 2;
    /** Delay of the follow-up eval after a failed eval (Nomad EvalFailedFollowupBaselineDelay). */
    public long failedEvalFollowupMillis = 60_000;

    /** Nomad BatchUpdateInterval for drain alloc transitions (N-19); may be 0. */
    public long drainBatchUpdateIntervalMillis = 1_000;
    /** Nomad NodeDeadlineCoalesceWindow (N-19); may be 0. */
    public long drainDeadlineCoalesceWindowMillis = 5_000;

    /** Client: time from an allocation arriving to its task running; model choice. */
    public long allocStartLatencyMillis = 100;

    /** Ray task_retry_delay_ms. */
    public long taskRetryDelayMillis = 0;
    /**
     * Ray task_oom_retries (R-2; ray:src/ray/common/ray_config_def.h): retries of a task killed
     * for out of memory, counted apart from max_retries; -1 unlimited. A task with max_retries 0
     * gets none (task_manager.cc: {@code max_oom_retries = max_retries != 0 ? task_oom_retries :
     * 0}).
     */
    public int taskOomRetries = -1;
    /**
     * Ray task_oom_retry_delay_base_ms: an OOM retry waits min(base × 2^attempt, 60 s)
     * (ExponentialBackoff::GetBackoffMs of the failed attempt's number) instead of
     * task_retry_delay_ms; 0 means no delay.
     */
    public long taskOomRetryDelayBaseMillis = 1_000;
    /** Ray: delay from lease grant to the task running on the worker; model choice. */
    public long leaseLatencyMillis = 1;
    /** Ray R-16: workers of a killed raylet exit within this delay. */
    public long workerExitAfterAgentKillMillis = 1_000;

    /** Placement policy for Nomad allocations (Ray tasks always use the hybrid policy). */
    public PlacementKind nomadPlacement = PlacementKind.BIN_PACK;
    /** Ray scheduler_spread_threshold. */
    public double raySpreadThreshold = 0.5;
    /** Ray scheduler_top_k_fraction. */
    public double rayTopKFraction = 0.2;
    /** Ray scheduler_top_k_absolute. */
    public int rayTopKAbsolute = 1;

    /** Stop the run at the first safety violation (otherwise keep collecting them). */
    public boolean stopOnViolation = true;
}
