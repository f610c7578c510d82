package io.schedsim.model;

import io.schedsim.model.api.ApiResult;
import io.schedsim.model.job.JobUpdate;
import io.schedsim.model.task.ErrorType;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.api.DrainSpec;

/**
 * The public operations through which faults, scenarios and users act on a running cluster. The
 * model never asks whether it is under a fault: a fault is one of these calls, made at a moment the
 * fault plan chose. Node arguments are node slots ({@code 0 .. nodeSlotCount()-1}); a slot is
 * never reused, so a replaced node gets a new slot.
 *
 * <p>All calls happen on the simulation thread, inside an event handler or between runs.
 */
public interface ClusterControl {

    /** Simulated now, in nanoseconds. */
    long nowNanos();

    /** Number of node slots ever created (head included). */
    int nodeSlotCount();

    /** True for the head node (Ray's head; never a victim of the chaos killer). */
    boolean isHead(int node);

    /** Ground truth: the host is up (not terminated). */
    boolean isHostUp(int node);

    /** Ground truth: the node agent (Nomad client / raylet) process runs. */
    boolean isAgentUp(int node);

    /** The server's view: node status is down/DEAD. */
    boolean isDownInServerView(int node);

    /** The server's view: the node is Ready (status ready, no drain, eligible). */
    boolean isReady(int node);

    /** True while a drain strategy is set on the node. */
    boolean isDraining(int node);

    /** F-1: the host vanishes with no unregister; every message to or from it is dropped. */
    void terminateHost(int node);

    /**
     * F-1 by the chaos killer (SC-1, INV-20): the same as {@link #terminateHost}, recorded in the
     * run's history as the killer's kill, which the killer's limits apply to.
     */
    default void terminateHostByKiller(int node) {
        terminateHost(node);
    }

    /**
     * The autoscaler's Ray {@code DrainNode(reason, deadline)} (R-15, F-6): PREEMPTION is always
     * accepted, IDLE_TERMINATION only while the node runs no lease, a dead node's drain is
     * accepted and changes nothing, a negative deadline is invalid. {@code deadlineMillis} is
     * relative to the call, 0 for none. An accepted drain leaves the node DRAINING until it dies.
     */
    default ApiResult rayDrainNode(int node, RayDrainReason reason, long deadlineMillis) {
        return ApiResult.rejected("no Ray drain in this cluster");
    }

    /** F-2: the agent process dies; the host refuses connections; its work exits within 1 s. */
    void killAgent(int node);

    /**
     * F-2 by the chaos killer (Ray's {@code RayletKiller}, the CI chaos cluster; INV-20): the
     * same as {@link #killAgent}, recorded in the run's history as the killer's kill.
     */
    default void killAgentByKiller(int node) {
        killAgent(node);
    }

    /**
     * Brings a terminated or agent-killed node back after it has been down. With
     * {@code sameIdentity} the node re-registers under its old slot (Nomad); otherwise a fresh
     * node with a new slot joins (Ray, autoscaler replacement). Returns the slot that joined.
     */
    int restartNode(int node, boolean sameIdentity);

    /** F-4/F-5: blocks messages node→server and/or server→node; the node keeps running work. */
    void setPartition(int node, boolean toServerBlocked, boolean fromServerBlocked);

    /** Probability that a heartbeat or health-check message of {@code node} is lost (0..1). */
    void setHeartbeatLoss(int node, double lossProbability);

    /** Extra one-way delay added to heartbeats / health checks of {@code node}. */
    void setHeartbeatExtraDelay(int node, long extraDelayNanos);

    /**
     * Client status updates of all nodes: extra delay drawn uniformly from
     * {@code [0, maxExtraDelayNanos)} (which reorders them) and a duplication probability.
     */
    void setStatusUpdateFaults(long maxExtraDelayNanos, double duplicateProbability);

    /** F-8: operator eligibility call (N-21). */
    ApiResult updateEligibility(int node, boolean eligible);

    /** F-8: operator drain enable/update (N-1, N-4). */
    ApiResult updateDrain(int node, DrainSpec spec);

    /** F-8: operator drain disable; {@code markEligible} is the CLI default (N-2). */
    ApiResult cancelDrain(int node, boolean markEligible);

    /**
     * Operator {@code nomad node purge} (Node.Deregister; N-20, N-31): the servers delete the
     * node with its drain; its allocations are lost by the next plans of their jobs. A client
     * that still runs re-registers at its next heartbeat, eligible and without a drain. Rejected
     * ("node not found") for an unknown or already purged node, and under Ray detectors, whose
     * DEAD is final.
     */
    default ApiResult purgeNode(int node) {
        return ApiResult.rejected("no Nomad nodes in this cluster");
    }

    /**
     * Operator {@code job run} of a changed spec, {@code job scale} or {@code job stop} (N-36)
     * of job {@code job} (its id, in registration order). Rejected for a job that does not
     * exist, and for a count on a system or sysbatch job (they have none).
     */
    default ApiResult updateJob(int job, JobUpdate update) {
        return ApiResult.rejected("no Nomad jobs in this cluster");
    }

    /**
     * Operator {@code job stop -purge} (Job.Deregister with Purge; N-36) of job {@code job}: the
     * servers delete it and its deregister evaluation stops every allocation of it; a later
     * {@link #updateJob} that runs it ({@code job run}) registers it afresh under a new id.
     * Rejected ("job not found") for a job that does not exist or is purged already.
     */
    default ApiResult purgeJob(int job) {
        return ApiResult.rejected("no Nomad jobs in this cluster");
    }

    /** Nomad jobs registered so far (ids 0 up). */
    default int jobCount() {
        return 0;
    }

    /** Fault 9: crashes one running attempt of a Ray task or allocation on {@code node}, if any. */
    boolean crashRunningWork(int node);

    /**
     * Fault 9 with a chosen victim and cause: a Ray task attempt {@code attemptPick} modulo the
     * running attempts on {@code node} (grant order) fails with {@code cause}: WORKER_DIED,
     * TASK_EXECUTION_EXCEPTION or OUT_OF_MEMORY. Actors and allocations know only
     * worker deaths: for them the pick is ignored (the first one crashes), and any other cause
     * crashes nothing.
     * Pick 0 with WORKER_DIED is {@link #crashRunningWork(int)}.
     */
    default boolean crashRunningWork(int node, int attemptPick, ErrorType cause) {
        return attemptPick == 0 && cause == ErrorType.WORKER_DIED && crashRunningWork(node);
    }

    /**
     * {@code ray.cancel} of the Ray task {@code taskPick} modulo the unresolved ones, in a
     * stable order ({@code RayWorkload.cancelTask}); false if there is none (or no Ray tasks).
     */
    default boolean cancelTask(int taskPick, boolean force, boolean recursive) {
        return false;
    }

    /** Fault 9: scales the run time of work that starts from now on (1.0 = normal). */
    void setWorkSlowdown(double factor);

    /** Node argument of {@link #setHealthChecksFailing}: every node, present and future. */
    int ALL_NODES = -1;

    /**
     * Unhealthy replacements (N-13): while {@code failing}, service allocations that start
     * running on {@code node} ({@link #ALL_NODES}: on any node) have health checks that never
     * pass, so they are reported unhealthy at their healthy_deadline and never healthy. Lifting
     * it spares only allocations that start later.
     */
    default void setHealthChecksFailing(int node, boolean failing) {}

    /** Fault 10: the node's clock runs at {@code ratePpm} parts per million off true time. */
    void setClockDrift(int node, long ratePpm);

    /** Fault 10: the node's clock jumps by {@code deltaNanos} (may be negative). */
    void jumpClock(int node, long deltaNanos);

    /** Fault 11: scheduler workers take no evaluation before {@code untilNanos}. */
    void stallSchedulers(long untilNanos);

    /** Fault 12: a leader failover: in-flight plans are lost, TTL timers reset (N-26). */
    void leaderFailover();
}
