package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.sched.SchedulerWorkers;
import io.schedsim.model.state.Node;
import io.schedsim.model.task.RayWorkload;

/**
 * The {@link ClusterControl} operations: the operator API (N-1..N-8, N-21) and the fault entry
 * points. Kept apart from {@link Cluster}'s wiring so each file stays one concern. Every fault
 * updates the node's disturbance record, which INV-13 reads.
 */
abstract class ClusterOperations implements ClusterControl {
    private int drainCheckKind;
    private int detectionCheckKind;
    private int workersExitKind;

    public abstract Simulation sim();

    public abstract ClusterConfig config();

    public abstract InvariantMonitor monitor();

    public abstract ControlNetwork network();

    public abstract StateStore state();

    public abstract Node node(int slot);

    public abstract ClientAgent client();

    public abstract Drainer drainer();

    public abstract FailureDetector detector();

    public abstract SchedulerWorkers workers();

    public abstract RayWorkload ray();

    abstract int addNode(long cpuMilli, long memMb, boolean head, int replacesSlot);

    abstract void bumpLeaderEpoch();

    abstract void record(Node node, NodeEvent.Kind kind, String detail);

    abstract void onDrainChanged(Node node);

    /** Registers the timers of the online checks that need a deadline (INV-9, INV-12). */
    protected void startChecks() {
        drainCheckKind = sim().registerKind("inv.drain-deadline", (slot, startedAt) -> {
            Node node = node(slot);
            if (node.draining && node.drainStartedNanos == startedAt
                    && node.drainDeadlineNanos <= sim().nowNanos()) {
                monitor().violation(Inv.DEADLINE, "drain of " + node
                        + " still set after its deadline and coalesce window");
            }
        });
        detectionCheckKind = sim().registerKind("inv.detection-bound", (slot, diedAt) -> {
            Node node = node(slot);
            if (node.diedAtNanos == diedAt && (!node.hostUp || !node.agentUp)) {
                if (node.status != NodeStatus.DOWN) {
                    monitor().violation(Inv.HEALTH_CHECK_DETECTION, node + " died "
                            + SimTime.format(sim().nowNanos() - diedAt)
                            + " ago and is still not DEAD");
                }
            }
        });
        workersExitKind = sim().registerKind("node.workers-exit", (slot, incarnation) -> {
            Node node = node(slot);
            if (node.incarnation == incarnation && !node.agentUp) {
                workDied(node);
            }
        });
    }

    @Override
    public boolean isHead(int slot) {
        return node(slot).head;
    }

    @Override
    public boolean isHostUp(int slot) {
        return node(slot).hostUp;
    }

    @Override
    public boolean isAgentUp(int slot) {
        return node(slot).agentUp;
    }

    @Override
    public boolean isDownInServerView(int slot) {
        return node(slot).status == NodeStatus.DOWN;
    }

    @Override
    public boolean isReady(int slot) {
        return node(slot).isReady();
    }

    @Override
    public boolean isDraining(int slot) {
        return node(slot).draining;
    }

    @Override
    public ApiResult updateEligibility(int slot, boolean eligible) {
        Node node = node(slot);
        if (eligible && node.draining) {
            return ApiResult.rejected(
                    "can not set node's scheduling eligibility to eligible while it is draining");
        }
        if (node.eligible != eligible) {
            state().setEligibility(node, eligible, EligibilitySource.OPERATOR);
        }
        return ApiResult.OK;
    }

    @Override
    public ApiResult updateDrain(int slot, DrainSpec spec) {
        Node node = node(slot);
        long now = sim().nowNanos();
        if (!node.draining) {
            node.drainStartedNanos = now;
        }
        node.draining = true;
        node.drainIgnoreSystem = spec.ignoreSystemJobs();
        node.drainUpdatedNanos = now;
        node.drainDeadlineReached = false;
        node.lastDrain = LastDrainStatus.DRAINING;
        String mode = spec.isForce() ? "force"
                : spec.hasDeadline() ? "deadline " + spec.deadlineMillis() + " ms" : "no deadline";
        record(node, NodeEvent.Kind.DRAIN_SET,
                mode + (spec.ignoreSystemJobs() ? ", ignore-system" : ""));
        if (spec.isForce()) {
            node.drainDeadlineNanos = now;
        } else if (spec.hasDeadline()) {
            node.drainDeadlineNanos = now + SimTime.millis(spec.deadlineMillis());
        } else {
            node.drainDeadlineNanos = SimTime.NEVER;
        }
        if (node.eligible) {
            state().setEligibility(node, false, EligibilitySource.DRAIN_SET);
        }
        drainer().onDrainSet(node);
        onDrainChanged(node);
        if (node.drainDeadlineNanos != SimTime.NEVER) {
            long window = SimTime.millis(config().drainDeadlineCoalesceWindowMillis
                    + config().drainBatchUpdateIntervalMillis) + 1;
            sim().schedule(node.drainDeadlineNanos + window, drainCheckKind, slot,
                    node.drainStartedNanos);
        }
        return ApiResult.OK;
    }

    @Override
    public ApiResult cancelDrain(int slot, boolean markEligible) {
        Node node = node(slot);
        if (node.draining) {
            node.draining = false;
            node.drainDeadlineNanos = SimTime.NEVER;
            node.lastDrain = LastDrainStatus.CANCELED;
            node.drainUpdatedNanos = sim().nowNanos();
            record(node, NodeEvent.Kind.DRAIN_CANCELED, markEligible ? "mark eligible" : "");
            drainer().onDrainCancelled(node);
            onDrainChanged(node);
        }
        if (markEligible && !node.eligible) {
            state().setEligibility(node, true, EligibilitySource.DRAIN_DISABLE);
        }
        return ApiResult.OK;
    }

    @Override
    public void terminateHost(int slot) {
        Node node = node(slot);
        if (!node.hostUp) {
            return;
        }
        node.hostUp = false;
        record(node, NodeEvent.Kind.HOST_TERMINATED, "");
        died(node);
        workDied(node);
    }

    @Override
    public void killAgent(int slot) {
        Node node = node(slot);
        if (!node.hostUp || !node.agentUp) {
            return;
        }
        node.agentUp = false;
        record(node, NodeEvent.Kind.AGENT_KILLED, "");
        died(node);
        sim().scheduleAfter(SimTime.millis(config().workerExitAfterAgentKillMillis), workersExitKind,
                slot, node.incarnation);
    }

    private void died(Node node) {
        node.diedAtNanos = sim().nowNanos();
        detector().onNodeStopped(node);
        refreshDisturbance(node);
        if (config().detector == DetectorPolicy.RAY_HEALTH_CHECK && node.status != NodeStatus.DOWN) {
            sim().scheduleAfter(detector().detectionWindowNanos() + 1, detectionCheckKind,
                    node.slot, node.diedAtNanos);
        }
    }

    private void workDied(Node node) {
        node.incarnation++;
        if (ray() != null) {
            ray().onWorkDied(node);
        }
    }

    @Override
    public int restartNode(int slot, boolean sameIdentity) {
        Node node = node(slot);
        if (node.hostUp && node.agentUp) {
            return slot;
        }
        boolean rayFinal = config().detector != DetectorPolicy.NOMAD_TTL;
        if (!sameIdentity || rayFinal) {
            return addNode(node.cpuTotalMilli, node.memTotalMb, false, slot);
        }
        if (node.agentUp) {
            workDied(node);
        } else if (node.hostUp) {
            node.incarnation++;
        }
        node.hostUp = true;
        node.agentUp = true;
        node.diedAtNanos = -1;
        record(node, NodeEvent.Kind.RESTARTED, "same identity");
        if (ray() != null) {
            ray().onNodeRestarted(node);
        }
        refreshDisturbance(node);
        client().onNodeRestarted(node);
        detector().onNodeJoined(node);
        return slot;
    }

    @Override
    public void setPartition(int slot, boolean toServerBlocked, boolean fromServerBlocked) {
        Node node = node(slot);
        node.blockToServer = toServerBlocked;
        node.blockFromServer = fromServerBlocked;
        refreshDisturbance(node);
    }

    @Override
    public void setHeartbeatLoss(int slot, double lossProbability) {
        node(slot).heartbeatLoss = Math.max(0, Math.min(1, lossProbability));
        refreshDisturbance(node(slot));
    }

    @Override
    public void setHeartbeatExtraDelay(int slot, long extraDelayNanos) {
        Node node = node(slot);
        long previous = node.heartbeatExtraDelayNanos;
        node.heartbeatExtraDelayNanos = Math.max(0, extraDelayNanos);
        refreshDisturbance(node);
        if (!node.disturbedNow()) {
            // Heartbeats already in flight still carry the old delay.
            node.disturbedUntilNanos = Math.max(node.disturbedUntilNanos, sim().nowNanos() + previous);
        }
    }

    @Override
    public void setStatusUpdateFaults(long maxExtraDelayNanos, double duplicateProbability) {
        network().setStatusUpdateFaults(maxExtraDelayNanos, duplicateProbability);
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
        node(slot).clockDriftPpm = ratePpm;
        refreshDisturbance(node(slot));
    }

    @Override
    public void jumpClock(int slot, long deltaNanos) {
        Node node = node(slot);
        if (!node.disturbedNow()) {
            // A clock set back by d holds the node's own timers (its heartbeats) back by d: it may
            // starve its server of heartbeats until then (INV-13), as the heal phase's undoing of
            // a forward jump does.
            long heldBackUntil = sim().nowNanos() + Math.max(0, -deltaNanos);
            node.disturbedUntilNanos = Math.max(node.disturbedUntilNanos, heldBackUntil);
        }
        detector().onClockJump(node, deltaNanos);
    }

    @Override
    public void stallSchedulers(long untilNanos) {
        workers().stall(untilNanos);
    }

    @Override
    public void leaderFailover() {
        bumpLeaderEpoch();
        detector().onLeaderFailover();
    }

    private void refreshDisturbance(Node node) {
        if (node.disturbedNow()) {
            node.disturbedUntilNanos = SimTime.NEVER;
        } else if (node.disturbedUntilNanos == SimTime.NEVER) {
            node.disturbedUntilNanos = sim().nowNanos();
        }
    }
}
