package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.net.StatusUpdateFaults;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.sched.SchedulerWorkers;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.NodeLifecycle;
import io.schedsim.model.state.StateStore;
import io.schedsim.model.task.RayWorkload;

/**
 * The {@link ClusterControl} operations: the operator API (N-1..N-8, N-21) and the fault entry
 * points. Kept apart from {@link Cluster}'s wiring so each file stays one concern. The operator
 * API validates a request and hands it to the state store; a fault changes the node's ground
 * truth through the {@link NodeLifecycle} and updates its disturbance record, which INV-13 reads.
 */
abstract class ClusterOperations implements ClusterControl {
    private int workersExitKind;

    public abstract Simulation sim();

    public abstract ClusterConfig config();

    public abstract StateStore state();

    public abstract Node node(int slot);

    public abstract ClientAgent client();

    public abstract FailureDetector detector();

    public abstract SchedulerWorkers workers();

    public abstract RayWorkload ray();

    abstract int addNode(long cpuMilli, long memMb, boolean head, int replacesSlot);

    abstract ControlPlaneActors actors();

    abstract NodeLifecycle lifecycle();

    abstract StatusUpdateFaults statusUpdateFaults();

    /** Registers the timer of a killed agent's workers exiting. */
    protected void startFaultTimers() {
        workersExitKind = sim().registerKind("node.workers-exit", (slot, incarnation) -> {
            Node node = node(slot);
            if (node.incarnation() == incarnation && !node.agentUp()) {
                workDied(node);
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
        Node node = node(slot);
        if (eligible && node.draining()) {
            return ApiResult.rejected(
                    "can not set node's scheduling eligibility to eligible while it is draining");
        }
        if (node.eligible() != eligible) {
            state().setEligibility(node, eligible, EligibilitySource.OPERATOR);
        }
        return ApiResult.OK;
    }

    @Override
    public ApiResult updateDrain(int slot, DrainSpec spec) {
        state().updateDrain(node(slot), spec);
        return ApiResult.OK;
    }

    @Override
    public ApiResult cancelDrain(int slot, boolean markEligible) {
        state().cancelDrain(node(slot), markEligible);
        return ApiResult.OK;
    }

    @Override
    public void terminateHost(int slot) {
        Node node = node(slot);
        if (!node.hostUp()) {
            return;
        }
        lifecycle().setHostUp(node, false);
        actors().record(node, NodeEvent.Kind.HOST_TERMINATED, "");
        died(node);
        workDied(node);
    }

    @Override
    public void killAgent(int slot) {
        Node node = node(slot);
        if (!node.hostUp() || !node.agentUp()) {
            return;
        }
        lifecycle().setAgentUp(node, false);
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
            return addNode(node.cpuTotalMilli(), node.memTotalMb(), false, slot);
        }
        if (node.agentUp()) {
            workDied(node);
        } else if (node.hostUp()) {
            lifecycle().bumpIncarnation(node);
        }
        lifecycle().setHostUp(node, true);
        lifecycle().setAgentUp(node, true);
        lifecycle().setDiedAtNanos(node, -1);
        actors().record(node, NodeEvent.Kind.RESTARTED, "same identity");
        if (ray() != null) {
            ray().onNodeRestarted(node);
        }
        lifecycle().refreshDisturbance(node, sim().nowNanos());
        client().onNodeRestarted(node);
        detector().onNodeJoined(node);
        return slot;
    }

    @Override
    public void setPartition(int slot, boolean toServerBlocked, boolean fromServerBlocked) {
        Node node = node(slot);
        lifecycle().setPartition(node, toServerBlocked, fromServerBlocked);
        lifecycle().refreshDisturbance(node, sim().nowNanos());
    }

    @Override
    public void setHeartbeatLoss(int slot, double lossProbability) {
        Node node = node(slot);
        lifecycle().setHeartbeatLoss(node, Math.max(0, Math.min(1, lossProbability)));
        lifecycle().refreshDisturbance(node, sim().nowNanos());
    }

    @Override
    public void setHeartbeatExtraDelay(int slot, long extraDelayNanos) {
        Node node = node(slot);
        long previous = node.heartbeatExtraDelayNanos();
        lifecycle().setHeartbeatExtraDelay(node, Math.max(0, extraDelayNanos));
        lifecycle().refreshDisturbance(node, sim().nowNanos());
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
        Node node = node(slot);
        if (ray() != null && ray().crashOneAttempt(node)) {
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
    public void setClockDrift(int slot, long ratePpm) {
        Node node = node(slot);
        lifecycle().setClockDrift(node, ratePpm);
        lifecycle().refreshDisturbance(node, sim().nowNanos());
    }

    @Override
    public void jumpClock(int slot, long deltaNanos) {
        Node node = node(slot);
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
    }

    @Override
    public void leaderFailover() {
        actors().bumpLeaderEpoch();
        detector().onLeaderFailover();
    }
}
