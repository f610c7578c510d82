package io.schedsim.model.invariant;

/** Invariant ids of SEMANTICS §6, used in violations, tests and replay files. */
public final class Inv {
    public static final String PLACEMENT_GATE = "INV-1";
    public static final String DRAIN_IMPLIES_INELIGIBLE = "INV-2";
    public static final String COMPLETION_NEVER_REENABLES = "INV-3";
    public static final String JOB_WIDE_MAX_PARALLEL = "INV-4";
    public static final String PACING_WAITS_FOR_HEALTH = "INV-5";
    public static final String BATCH_NOT_REPLACED = "INV-6";
    public static final String SYSTEM_LAST = "INV-7";
    public static final String COMPLETION_CONDITION = "INV-8";
    public static final String DEADLINE = "INV-9";
    public static final String ONE_REPLACEMENT = "INV-10";
    public static final String TTL_DETECTION = "INV-11";
    public static final String HEALTH_CHECK_DETECTION = "INV-12";
    public static final String NO_FALSE_POSITIVES = "INV-13";
    public static final String LOST_ALLOCS = "INV-14";
    public static final String DISCONNECT = "INV-15";
    public static final String SYSTEM_UNIQUENESS = "INV-16";
    public static final String RESOURCE_ACCOUNTING = "INV-17";
    public static final String MONOTONIC_STATES = "INV-18";
    public static final String RETRY_BOUNDS = "INV-19";
    public static final String KILLER_CONSTRAINTS = "INV-20";
    public static final String RECONCILER_BOUNDS = "INV-21";
    public static final String SPILLBACK_DEPTH = "INV-22";
    public static final String TASKS_TERMINAL = "INV-23";
    public static final String SERVICE_COUNTS_RESTORED = "INV-24";
    public static final String DRAINS_COMPLETE = "INV-25";
    public static final String CAPACITY_FREE = "INV-26";
    public static final String SYSTEM_COVERAGE = "INV-27";
    public static final String ACTOR_AT_LEAST_ONCE = "INV-28";
    /** A rule the online checks judge directly: actor restarts and task retries. */
    public static final String ACTOR_RESTARTS = "R-6";
    /**
     * A rule the online checks judge directly: NODE_AFFINITY: hard only on its target,
     * soft off it only when the target could not be used.
     */
    public static final String NODE_AFFINITY = "R-14";
    /** A rule the online checks judge directly: legacy push heartbeat detection. */
    public static final String LEGACY_HEARTBEAT_DETECTION = "R-9";
    /** A rule the online checks judge directly: node-update evaluations (SEMANTICS N-22). */
    public static final String NODE_EVALS = "N-22";
    /** A rule the online checks judge directly: system jobs after an update (SEMANTICS N-36). */
    public static final String JOB_UPDATES = "N-36";
    /** A rule the online checks judge directly: health by healthy_deadline (SEMANTICS N-13). */
    public static final String HEALTH_DEADLINE = "N-13";

    private Inv() {}
}
