package io.schedsim.monitor;

/**
 * Every rule the monitor judges, by its SEMANTICS id: the invariants INV-1..INV-28 (§6), the
 * rules it guards that are not invariants (N-*, R-*), and its own MON-* ids. A violation names
 * one of these; a judgement the monitor could not make names one in a {@link Skip}.
 */
public enum Invariant {
    PLACEMENT_GATE("INV-1", Kind.SAFETY,
            "a new allocation or lease goes only to a Ready (Nomad) or ALIVE, non-DRAINING, "
                    + "feasible (Ray) node"),
    DRAIN_IMPLIES_INELIGIBLE("INV-2", Kind.SAFETY,
            "a draining node is ineligible; setting eligible while draining is rejected"),
    COMPLETION_NEVER_REENABLES("INV-3", Kind.SAFETY,
            "only the eligibility API or drain disable with markEligible change eligibility "
                    + "back; drain completion never does"),
    JOB_WIDE_MAX_PARALLEL("INV-4", Kind.SAFETY,
            "a paced drain mark leaves at least count - max_parallel healthy unmarked "
                    + "allocations of the job, job-wide"),
    PACING_WAITS_FOR_HEALTH("INV-5", Kind.SAFETY,
            "at most max_parallel paced marks of a job wait for their replacement's health"),
    BATCH_NOT_REPLACED("INV-6", Kind.SAFETY,
            "a drain marks batch allocations only at its deadline, never replaces them, and "
                    + "never raises the job's batch count"),
    SYSTEM_LAST("INV-7", Kind.SAFETY,
            "a drain marks system allocations only once the rest is client-terminal or at the "
                    + "deadline, and never with ignore-system"),
    COMPLETION_CONDITION("INV-8", Kind.SAFETY,
            "a drain clears iff its non-system allocations are client-terminal or its deadline "
                    + "fired"),
    DEADLINE("INV-9", Kind.SAFETY,
            "at the drain deadline (+ coalesce and batch windows) all remaining allocations are "
                    + "marked and the drain clears in the same step"),
    ONE_REPLACEMENT("INV-10", Kind.SAFETY,
            "an allocation is replaced at most once; a drained service allocation's replacement "
                    + "is on another node with no inherited reschedule attempts"),
    TTL_DETECTION("INV-11", Kind.SAFETY,
            "a node goes down exactly at its last heartbeat + ttl + grace, ttl in "
                    + "[base, 2 base); after a failover not before failover_heartbeat_ttl"),
    HEALTH_CHECK_DETECTION("INV-12", Kind.SAFETY,
            "DEAD only after threshold consecutive failed checks; a killed node is DEAD within "
                    + "threshold (timeout + period) + period (+ initial delay)"),
    NO_FALSE_POSITIVES("INV-13", Kind.SAFETY,
            "a node goes down only if a kill or a fault that could starve it touched it in the "
                    + "detection window"),
    LOST_ALLOCS("INV-14", Kind.SAFETY,
            "allocations on a down node become lost in the next plan of their job; system "
                    + "allocations are not placed elsewhere"),
    DISCONNECT("INV-15", Kind.SAFETY,
            "with lost_after, a missed heartbeat gives disconnected (allocations unknown), then "
                    + "lost and down at lost_after"),
    SYSTEM_UNIQUENESS("INV-16", Kind.SAFETY,
            "at most one non-terminal allocation per node and system job; a system allocation "
                    + "is stopped only by a drain mark, a job update or its node's loss"),
    RESOURCE_ACCOUNTING("INV-17", Kind.SAFETY,
            "reservations stay within capacity, match their holders, and never outlive their "
                    + "allocation or attempt"),
    MONOTONIC_STATES("INV-18", Kind.SAFETY,
            "attempt, desired and client statuses only move forward; attempt numbers are "
                    + "consecutive; DEAD is final"),
    RETRY_BOUNDS("INV-19", Kind.SAFETY,
            "attempts <= max_retries + 1 + preempted ones; no task ends in error from system "
                    + "failures within its retries"),
    KILLER_CONSTRAINTS("INV-20", Kind.SAFETY,
            "the chaos killer spares the head and the last worker, kills at most max_to_kill, "
                    + "at most one batch per window"),
    RECONCILER_BOUNDS("INV-21", Kind.SAFETY,
            "a plan places at most count (or one per node), stops and loses at most what "
                    + "exists, migrates at most what it stops"),
    SPILLBACK_DEPTH("INV-22", Kind.SAFETY, "a lease request spills back at most once"),
    TASKS_TERMINAL("INV-23", Kind.LIVENESS,
            "every task is resolved, only infeasible ones wait; max_retries -1 tasks all "
                    + "finish"),
    SERVICE_COUNTS_RESTORED("INV-24", Kind.LIVENESS,
            "each service job runs count allocations when Ready capacity allows"),
    DRAINS_COMPLETE("INV-25", Kind.LIVENESS,
            "drains clear by their deadline, or once their non-system allocations are done"),
    CAPACITY_FREE("INV-26", Kind.LIVENESS,
            "60 s after the last task, no task holds capacity on a live node"),
    SYSTEM_COVERAGE("INV-27", Kind.LIVENESS,
            "each Ready node that fits a system job holds exactly one of its allocations"),
    ACTOR_AT_LEAST_ONCE("INV-28", Kind.LIVENESS,
            "with unlimited restarts and task retries every actor task is recorded"),
    MARK_ELIGIBLE_ON_DISABLE("N-2", Kind.SAFETY,
            "an accepted drain disable with markEligible leaves the node eligible"),
    HEALTH_DEADLINE("N-13", Kind.SAFETY,
            "an allocation's health respects its migrate block: never healthy when "
                    + "min_healthy_time is not below healthy_deadline, never unhealthy before it"),
    DRAIN_FINISHING_STEP("N-17", Kind.SAFETY,
            "a drain that completes normally marks its remaining system allocations in the "
                    + "same step, unless ignore-system"),
    DRAIN_EVALS("N-19", Kind.SAFETY,
            "every drain mark comes with a node-drain evaluation of the job in the same step"),
    ELIGIBILITY_API("N-21", Kind.SAFETY,
            "the eligibility call is rejected exactly when it asks eligible while draining, "
                    + "and an accepted change applies"),
    NODE_EVALS("N-22", Kind.SAFETY,
            "a node turning eligible, ready or down gets node-update evaluations for every "
                    + "system job and every job with allocations there"),
    RESCHEDULE("N-34", Kind.SAFETY,
            "a failed allocation is rescheduled within its attempts, after its delay, with one "
                    + "more attempt; system jobs never"),
    JOB_UPDATES("N-36", Kind.SAFETY,
            "a system job's plan after an update stops its older allocations on ineligible "
                    + "nodes and replaces or updates them on eligible ones; draining nodes keep "
                    + "theirs, and an in-place change never stops one on an eligible node; a "
                    + "plan after a job's purge places none of it and stops all of it"),
    OWNER_DEATH("R-5", Kind.SAFETY,
            "a child whose owner died is never retried, and no longer runs once its owner's "
                    + "death is reported (worker killed under a live raylet, or owner's node DEAD)"),
    ACTOR_RESTARTS("R-6", Kind.SAFETY,
            "an actor restarts at most max_restarts times beyond preempted deaths, never after "
                    + "DEAD; its tasks run on it in submission order within max_task_retries"),
    HEALTH_CHECK_SCHEDULE("R-7", Kind.SAFETY,
            "one check in flight per node, the first after the initial delay, the next a period "
                    + "after an outcome; timeouts at the deadline"),
    LEGACY_HEARTBEAT_DETECTION("R-9", Kind.SAFETY,
            "under legacy push heartbeats a node is DEAD (timeout - 1) to timeout GCS periods "
                    + "after its last received heartbeat: not before, not after"),
    NODE_DEATH_FAILS_ATTEMPTS("R-10", Kind.SAFETY,
            "when a node is DEAD every attempt running there fails NODE_DIED at once"),
    NODE_AFFINITY("R-14", Kind.SAFETY,
            "a hard node affinity is leased only on its target, and fails TASK_UNSCHEDULABLE "
                    + "(resolved so in that step, never retried) only while its target is not "
                    + "ALIVE, draining or infeasible; a soft one is leased elsewhere only if its "
                    + "target was so since its attempt was created"),
    RAY_DRAIN("R-15", Kind.SAFETY,
            "a Ray DrainNode is rejected exactly when its deadline is negative, or it is an idle "
                    + "termination of an ALIVE node that runs an attempt"),
    WORKER_EXIT("R-16", Kind.SAFETY,
            "attempts running on a node when its raylet is killed fail within 1 s, unless the "
                    + "host vanished or the node was declared DEAD first"),
    MONITOR_DISAGREEMENT("MON-1", Kind.SAFETY,
            "the model's online checks and the monitor disagree: one flags what the other does "
                    + "not"),
    HISTORY_INCONSISTENT("MON-2", Kind.SAFETY,
            "the history contradicts itself: an event names an unknown node, allocation, job or "
                    + "task, or repeats a registration");

    /** Safety properties hold in every state; liveness ones are judged at the end of a run. */
    public enum Kind {
        SAFETY,
        LIVENESS
    }

    private final String id;
    private final Kind kind;
    private final String meaning;

    Invariant(String id, Kind kind, String meaning) {
        this.id = id;
        this.kind = kind;
        this.meaning = meaning;
    }

    /** The SEMANTICS id, e.g. "INV-4", "N-21", "R-7", or "MON-1". */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** What the rule says, in one line. */
    public String meaning() {
        return meaning;
    }

    /** The invariant with SEMANTICS id {@code id}, or null. */
    public static Invariant byId(String id) {
        for (Invariant invariant : values()) {
            if (invariant.id.equals(id)) {
                return invariant;
            }
        }
        return null;
    }
}
