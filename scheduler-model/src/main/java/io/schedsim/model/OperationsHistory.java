package io.schedsim.model;

import io.schedsim.history.AgentKilled;
import io.schedsim.history.ClockDriftChanged;
import io.schedsim.history.ClockJumped;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EligibilitySetCall;
import io.schedsim.history.HealthChecksChanged;
import io.schedsim.history.HeartbeatDelayChanged;
import io.schedsim.history.HeartbeatLossChanged;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.LeaderFailover;
import io.schedsim.history.NodeRestarted;
import io.schedsim.history.PartitionChanged;
import io.schedsim.history.RayDrainCall;
import io.schedsim.history.SchedulersStalled;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.history.HistoryPort;

/**
 * The history events of the {@link ClusterControl} operations (docs/history.md): operator calls
 * with their results, written when the call returns, after its effects (§1.4, rule 3), and the
 * ground truth of faults as the test harness sees it, as level changes (rule 11). Each method
 * returns at once without a sink.
 */
final class OperationsHistory {
    private final HistoryPort port;

    OperationsHistory(HistoryPort port) {
        this.port = port;
    }

    void eligibilityCall(int node, boolean eligible, ApiResult result) {
        if (port.on()) {
            port.record(new EligibilitySetCall(port.nowNanos(), node, eligible, result.accepted(),
                    result.message()));
        }
    }

    /**
     * A drain call the servers rejected (a purged node: "node not found"); an accepted one is
     * published by the store, after its effects.
     */
    void rejectedDrainCall(int node, DrainSpec spec, ApiResult result) {
        if (port.on()) {
            port.record(new DrainSetCall(port.nowNanos(), node,
                    spec.isForce() ? 0 : spec.deadlineMillis(), spec.isForce(),
                    spec.ignoreSystemJobs(), false, result.message()));
        }
    }

    /** A drain disable the servers rejected; an accepted one is published by the store. */
    void rejectedCancelCall(int node, boolean markEligible, ApiResult result) {
        if (port.on()) {
            port.record(new DrainCancelCall(port.nowNanos(), node, markEligible, false,
                    result.message()));
        }
    }

    void rayDrainCall(int node, RayDrainReason reason, long deadlineMillis, ApiResult result) {
        if (port.on()) {
            port.record(new RayDrainCall(port.nowNanos(), node,
                    io.schedsim.history.RayDrainReason.valueOf(reason.name()), deadlineMillis,
                    result.accepted(), result.message()));
        }
    }

    void hostTerminated(int node, boolean byKiller) {
        if (port.on()) {
            port.record(new HostTerminated(port.nowNanos(), node, byKiller));
        }
    }

    void agentKilled(int node, boolean byKiller) {
        if (port.on()) {
            port.record(new AgentKilled(port.nowNanos(), node, byKiller));
        }
    }

    void restarted(int node, int newNode) {
        if (port.on()) {
            port.record(new NodeRestarted(port.nowNanos(), node, newNode));
        }
    }

    void partition(int node, boolean toServerBlocked, boolean fromServerBlocked) {
        if (port.on()) {
            port.record(new PartitionChanged(port.nowNanos(), node, toServerBlocked,
                    fromServerBlocked));
        }
    }

    void heartbeatLoss(int node, double lossProbability) {
        if (port.on()) {
            port.record(new HeartbeatLossChanged(port.nowNanos(), node, lossProbability));
        }
    }

    void heartbeatDelay(int node, long extraDelayNanos) {
        if (port.on()) {
            port.record(new HeartbeatDelayChanged(port.nowNanos(), node, extraDelayNanos));
        }
    }

    void healthChecks(int node, boolean failing) {
        if (port.on()) {
            port.record(new HealthChecksChanged(port.nowNanos(), node, failing));
        }
    }

    void clockDrift(int node, long ratePpm) {
        if (port.on()) {
            port.record(new ClockDriftChanged(port.nowNanos(), node, ratePpm));
        }
    }

    void clockJump(int node, long deltaNanos) {
        if (port.on()) {
            port.record(new ClockJumped(port.nowNanos(), node, deltaNanos));
        }
    }

    void stall(long untilNanos) {
        if (port.on()) {
            port.record(new SchedulersStalled(port.nowNanos(), Math.max(0, untilNanos)));
        }
    }

    void failover() {
        if (port.on()) {
            port.record(new LeaderFailover(port.nowNanos()));
        }
    }
}
