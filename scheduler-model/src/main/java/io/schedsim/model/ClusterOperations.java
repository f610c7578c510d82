package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.job.JobUpdate;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.net.StatusUpdateFaults;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.sched.SchedulerWorkers;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.NodeLifecycle;
import io.schedsim.model.state.StateStore;
import io.schedsim.model.actor.RayActors;
import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.RayWorkload;

/**
 * The {@link ClusterControl} operations: the operator API (N-1..N-8, N-21) and the fault entry
 * points. Kept apart from {@link Cluster}'s wiring so each file stays one concern. The operator
 * API validates a request and hands it to the state store; a fault changes the node's ground
 * truth through the {@link NodeLifecycle} and updates its disturbance record, which INV-13 reads.
 * Both are published to the run's history ({@link OperationsHistory}): a call after its effects,
 * with its result; a fault as the ground truth it changed.
 */
abstract class ClusterOperations implements ClusterControl {
    /** The servers' answer to a call naming a node they do not hold (a purged one). */
    private static final ApiResult NOT_FOUND = ApiResult.rejected("node not found");
    private static final ApiResult JOB_NOT_FOUND = ApiResult.rejected("job not found");
    private int workersExitKind;
    private OperationsHistory events;

    public abstract Simulation sim();

    public abstract ClusterConfig config();

    public abstract StateStore state();

    public abstract Node node(int slot);

    public abstract ClientAgent client();

    public abstract FailureDetector detector();

    public abstract SchedulerWorkers workers();

    public abstract RayWorkload ray();

    public abstract RayActors rayActors();

    abstract int addNode(long cpuMilli, long memMb, boolean head, int replacesSlot,
            NodeAttributes attributes);

    abstract ControlPlaneActors actors();

    abstract NodeLifecycle lifecycle();

    abstract StatusUpdateFaults statusUpdateFaults();

    abstract HistoryPort history();

    private OperationsHistory events() {
        if (events == null) {
            events = new OperationsHistory(history());
        }
        return events;
    }

    /** Registers the timer of a killed agent's workers exiting. */
    protected void startFaultTimers() {
        workersExitKind = sim().registerKind("node.workers-exit", (slot, incarnation) -> {
            Node node = node(slot);
            if (node.incarnation() == incarnation && !node.agentUp()) {
                workDied(node);
                // the workers' exit breaks their owners' connections, so owners fail the
                // attempts now rather than when the GCS declares the node DEAD.
                if (ray() != null) {
                    ray().onWorkersExited(node);
                }
                if (rayActors() != null) {
                    rayActors().onWorkersExited(node);
                }
            }
        });
    }

    @Override
    public boolean isHead(int slot) {
        return node(slot).head();
    }

    @Override
    public boolean isHostUp(int slot) {
        return node(slot).hostUp();
    }

    @Override
    public boolean isAgentUp(int slot) {
        return node(slot).agentUp();
    }

    @Override
    public boolean isDownInServerView(int slot) {
        return node(slot).status() == NodeStatus.DOWN;
    }

    @Override
    public boolean isReady(int slot) {
        return node(slot).isReady();
    }

    @Override
    public boolean isDraining(int slot) {
        return node(slot).draining();
    }

    @Override
    public ApiResult updateEligibility(int slot, boolean eligible) {
        ApiResult result = node(slot).purged() ? NOT_FOUND
                : applyEligibility(node(slot), eligible);
        events().eligibilityCall(slot, eligible, result);
        return result;
    }

    private ApiResult applyEligibility(Node node, boolean eligible) {
        if (eligible && node.draining()) {
            return ApiResult.rejected(
                    "can not set node's scheduling eligibility to eligible while it is draining");
        }
        if (node.eligible() != eligible) {
            state().setEligibility(node, eligible, EligibilitySource.OPERATOR);
        }
        return ApiResult.OK;
    }

    /** The store publishes the call, before the drainer reacts (see StateStore.updateDrain). */
    @Override
    public ApiResult updateDrain(int slot, DrainSpec spec) {
        if (node(slot).purged()) {
            events().rejectedDrainCall(slot, spec, NOT_FOUND);
            return NOT_FOUND;
        }
        state().updateDrain(node(slot), spec);
        return ApiResult.OK;
    }

    /** The store publishes the call, as its drain clears (see StateStore.cancelDrain). */
    @Override
    public ApiResult cancelDrain(int slot, boolean markEligible) {
        if (node(slot).purged()) {
            events().rejectedCancelCall(slot, markEligible, NOT_FOUND);
            return NOT_FOUND;
        }
        state().cancelDrain(node(slot), markEligible);
        return ApiResult.OK;
    }

    /**
     * nomad/node_endpoint.go {@code deregister}: an unknown node is "node not found"; a purged
     * one is unknown until it registers again. Under Ray detectors a DOWN node is DEAD for good
     * and there is no purge (N-20, N-31 are Nomad's).
     */
    @Override
    public ApiResult purgeNode(int slot) {
        if (config().detector != DetectorPolicy.NOMAD_TTL) {
            return ApiResult.rejected("no node purge under " + config().detector);
        }
        if (slot < 0 || slot >= nodeSlotCount() || node(slot).purged()) {
            return NOT_FOUND;
        }
        actors().purgeNode(node(slot));
        return ApiResult.OK;
    }

    @Override
    public int jobCount() {
        return state().jobs().size();
    }

    /**
     * N-36. Nomad finds a job by its name: a call naming a purged job that was run again since
     * goes to the job that run registered. A {@code job run} of a purged job registers it afresh
     * (version 0, a new id); any other call for it finds no job. A {@code job run} or
     * {@code job stop} changes every task group of the job; {@code job scale JOB GROUP COUNT}
     * only the group {@code job} names.
     */
    @Override
    public ApiResult updateJob(int job, JobUpdate update) {
        Job target = current(job);
        if (target == null) {
            return JOB_NOT_FOUND;
        }
        if (target.purged()) {
            if (update.stop() || update.count() != JobUpdate.SAME_COUNT) {
                return JOB_NOT_FOUND;
            }
            state().registerAgain(target);
            return ApiResult.OK;
        }
        if (update.count() != JobUpdate.SAME_COUNT && target.type().isPerNode()) {
            return ApiResult.rejected("can not scale a " + target.type().jsonName() + " job");
        }
        if (update.count() != JobUpdate.SAME_COUNT) {
            state().updateJob(target, update);
            return ApiResult.OK;
        }
        for (Job group : target.groups()) {
            state().updateJob(group, update);
        }
        return ApiResult.OK;
    }

    /**
     * N-36: {@code job stop -purge}, of every task group; a purged job is not found
     * (job_endpoint.go Deregister).
     */
    @Override
    public ApiResult purgeJob(int job) {
        Job target = current(job);
        if (target == null || target.purged()) {
            return JOB_NOT_FOUND;
        }
        for (Job group : target.groups()) {
            state().purgeJob(group);
        }
        return ApiResult.OK;
    }

    /** Job {@code job}, or the job a run of it registered after its purge; null if none. */
    private Job current(int job) {
        if (job < 0 || job >= state().jobs().size()) {
            return null;
        }
        Job target = state().jobs().get(job);
        while (target.successor() != null) {
            target = target.successor();
        }
        return target;
    }

    /**
     * R-15, as ray:src/ray/gcs/gcs_autoscaler_state_manager.cc and the raylet's
     * {@code HandleDrainRaylet} answer (ray:python/ray/tests/test_draining.py): an invalid
     * deadline is an error, a dead node's drain is accepted, an idle termination of a node that
     * runs a lease is rejected, anything else is accepted and the node is DRAINING. The call is
     * published after its effects; the placement index drops the node at once (ray#59536).
     */
    @Override
    public ApiResult rayDrainNode(int slot, RayDrainReason reason, long deadlineMillis) {
        Node node = node(slot);
        ApiResult result;
        if (deadlineMillis < 0) {
            result = ApiResult.rejected("invalid draining deadline " + deadlineMillis + " ms");
        } else if (node.status() == NodeStatus.DOWN) {
            result = new ApiResult(true, "node is dead");
        } else if (reason == RayDrainReason.IDLE_TERMINATION && ray() != null
                && ray().runsLeasesOn(node)) {
            result = ApiResult.rejected("The node to be idle terminated is no longer idle.");
        } else {
            long deadline = deadlineMillis == 0 ? SimTime.NEVER
                    : sim().nowNanos() + SimTime.millis(deadlineMillis);
            state().rayDrain(node, reason, deadline);
            actors().onRayDrain(node);
            result = ApiResult.OK;
        }
        events().rayDrainCall(slot, reason, deadlineMillis, result);
        return result;
    }

    @Override
    public void terminateHost(int slot) {
        terminate(slot, false);
    }

    @Override
    public void terminateHostByKiller(int slot) {
        terminate(slot, true);
    }

    private void terminate(int slot, boolean byKiller) {
        Node node = node(slot);
        if (!node.hostUp()) {
            return;
        }
        lifecycle().setHostUp(node, false);
        events().hostTerminated(slot, byKiller);
        actors().record(node, NodeEvent.Kind.HOST_TERMINATED, "");
        died(node);
        workDied(node);
    }

    @Override
    public void killAgent(int slot) {
        kill(slot, false);
    }

    @Override
    public void killAgentByKiller(int slot) {
        kill(slot, true);
    }

    private void kill(int slot, boolean byKiller) {
        Node node = node(slot);
        if (!node.hostUp() || !node.agentUp()) {
            return;
        }
        lifecycle().setAgentUp(node, false);
        events().agentKilled(slot, byKiller);
        actors().record(node, NodeEvent.Kind.AGENT_KILLED, "");
        died(node);
        sim().scheduleAfter(SimTime.millis(config().workerExitAfterAgentKillMillis), workersExitKind,
                slot, node.incarnation());
    }

    private void died(Node node) {
        lifecycle().setDiedAtNanos(node, sim().nowNanos());
        detector().onNodeStopped(node);
        lifecycle().refreshDisturbance(node, sim().nowNanos());
        actors().nodeDied(node);
    }

    private void workDied(Node node) {
        lifecycle().bumpIncarnation(node);
        if (ray() != null) {
            ray().onWorkDied(node);
        }
    }

    @Override
    public int restartNode(int slot, boolean sameIdentity) {
        Node node = node(slot);
        if (node.hostUp() && node.agentUp()) {
            return slot;
        }
        boolean rayFinal = config().detector != DetectorPolicy.NOMAD_TTL;
        if (!sameIdentity || rayFinal) {
            events().restarted(slot, nodeSlotCount());
            // A restarted host fingerprints the same class and attributes under its new id.
            return addNode(node.cpuTotalMilli(), node.memTotalMb(), false, slot,
                    node.attributes());
        }
        if (node.agentUp()) {
            workDied(node);
        } else if (node.hostUp()) {
            lifecycle().bumpIncarnation(node);
        }
        lifecycle().setHostUp(node, true);
        lifecycle().setAgentUp(node, true);
        lifecycle().setDiedAtNanos(node, -1);
        events().restarted(slot, slot);
        actors().record(node, NodeEvent.Kind.RESTARTED, "same identity");
        if (ray() != null) {
            ray().onNodeRestarted(node);
        }
        if (rayActors() != null) {
            rayActors().onNodeRestarted(node);
        }
        lifecycle().refreshDisturbance(node, sim().nowNanos());
        client().onNodeRestarted(node);
        detector().onNodeJoined(node);
        return slot;
    }

    @Override
    public void setPartition(int slot, boolean toServerBlocked, boolean fromServerBlocked) {
        Node node = node(slot);
        boolean changed = node.blockToServer() != toServerBlocked
                || node.blockFromServer() != fromServerBlocked;
        lifecycle().setPartition(node, toServerBlocked, fromServerBlocked);
        lifecycle().refreshDisturbance(node, sim().nowNanos());
        if (changed) {
            events().partition(slot, toServerBlocked, fromServerBlocked);
        }
    }

    @Override
    public void setHeartbeatLoss(int slot, double lossProbability) {
        Node node = node(slot);
        double loss = Math.max(0, Math.min(1, lossProbability));
        boolean changed = node.heartbeatLoss() != loss;
        lifecycle().setHeartbeatLoss(node, loss);
        lifecycle().refreshDisturbance(node, sim().nowNanos());
        if (changed) {
            events().heartbeatLoss(slot, loss);
        }
    }

    @Override
    public void setHeartbeatExtraDelay(int slot, long extraDelayNanos) {
        Node node = node(slot);
        long previous = node.heartbeatExtraDelayNanos();
        long delay = Math.max(0, extraDelayNanos);
        lifecycle().setHeartbeatExtraDelay(node, delay);
        lifecycle().refreshDisturbance(node, sim().nowNanos());
        if (delay != previous) {
            events().heartbeatDelay(slot, delay);
        }
        if (!node.disturbedNow()) {
            // Heartbeats already in flight still carry the old delay.
            lifecycle().extendDisturbance(node, sim().nowNanos() + previous);
        }
    }

    @Override
    public void setStatusUpdateFaults(long maxExtraDelayNanos, double duplicateProbability) {
        statusUpdateFaults().set(maxExtraDelayNanos, duplicateProbability);
    }

    @Override
    public boolean crashRunningWork(int slot) {
        return crashRunningWork(slot, 0, ErrorType.WORKER_DIED);
    }

    @Override
    public boolean cancelTask(int taskPick, boolean force, boolean recursive) {
        return ray() != null && ray().cancelTask(taskPick, force, recursive);
    }

    @Override
    public boolean crashRunningWork(int slot, int attemptPick, ErrorType cause) {
        Node node = node(slot);
        if (ray() != null && ray().crashAttempt(node, attemptPick, cause)) {
            return true;
        }
        if (cause != ErrorType.WORKER_DIED) {
            return false;
        }
        if (rayActors() != null && rayActors().crashOne(node)) {
            return true;
        }
        return client().crashOne(node);
    }

    @Override
    public void setWorkSlowdown(double factor) {
        if (ray() != null) {
            ray().setSlowdown(factor);
        }
        client().setSlowdown(factor);
    }

    @Override
    public void setHealthChecksFailing(int slot, boolean failing) {
        client().setHealthChecksFailing(slot, failing);
        events().healthChecks(slot, failing);
    }

    @Override
    public void setClockDrift(int slot, long ratePpm) {
        Node node = node(slot);
        boolean changed = node.clockDriftPpm() != ratePpm;
        lifecycle().setClockDrift(node, ratePpm);
        lifecycle().refreshDisturbance(node, sim().nowNanos());
        if (changed) {
            events().clockDrift(slot, ratePpm);
        }
    }

    @Override
    public void jumpClock(int slot, long deltaNanos) {
        Node node = node(slot);
        events().clockJump(slot, deltaNanos);
        if (!node.disturbedNow()) {
            // A clock set back by d holds the node's own timers (its heartbeats) back by d: it may
            // starve its server of heartbeats until then (INV-13), as the heal phase's undoing of
            // a forward jump does.
            lifecycle().extendDisturbance(node, sim().nowNanos() + Math.max(0, -deltaNanos));
        }
        detector().onClockJump(node, deltaNanos);
    }

    @Override
    public void stallSchedulers(long untilNanos) {
        workers().stall(untilNanos);
        events().stall(untilNanos);
    }

    @Override
    public void leaderFailover() {
        events().failover();
        actors().bumpLeaderEpoch();
        detector().onLeaderFailover();
    }
}
