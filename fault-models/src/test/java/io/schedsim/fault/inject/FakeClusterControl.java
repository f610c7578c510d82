package io.schedsim.fault.inject;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.ClusterControl;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in cluster for injector tests: plain per-node state, every mutating call recorded as
 * {@code "<millis> <operation> <args>"}. Failure detection is manual ({@link #setDown}), so
 * tests control exactly what the server view says when a fault fires.
 */
public final class FakeClusterControl implements ClusterControl {
    private final Simulation simulation;
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final java.util.Set<Integer> purged = new java.util.TreeSet<>();
    private long statusDelayNanos;
    private double statusDuplicate;
    private double slowdown = 1.0;
    private long stallUntilNanos = Long.MIN_VALUE;
    private int failovers;

    /** Per-node state; public fields keep the tests short. */
    public static final class Node {
        public boolean head;
        public boolean hostUp = true;
        public boolean agentUp = true;
        public boolean down;
        public boolean draining;
        public boolean eligible = true;
        public int runningWork;
        public double heartbeatLoss;
        public long heartbeatDelayNanos;
        public boolean toServerBlocked;
        public boolean fromServerBlocked;
        public long driftPpm;
        public long clockOffsetNanos;
    }

    public FakeClusterControl(Simulation simulation, int nodeCount, int... headSlots) {
        this.simulation = simulation;
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new Node());
        }
        for (int head : headSlots) {
            nodes.get(head).head = true;
        }
    }

    public Node node(int slot) {
        return nodes.get(slot);
    }

    public List<String> calls() {
        return calls;
    }

    /** The recorded calls whose operation is {@code operation}. */
    public List<String> calls(String operation) {
        List<String> matching = new ArrayList<>();
        for (String call : calls) {
            if (call.split(" ")[1].equals(operation)) {
                matching.add(call);
            }
        }
        return matching;
    }

    public void setDown(int slot, boolean down) {
        nodes.get(slot).down = down;
    }

    public long statusDelayNanos() {
        return statusDelayNanos;
    }

    public double statusDuplicate() {
        return statusDuplicate;
    }

    public double slowdown() {
        return slowdown;
    }

    public long stallUntilNanos() {
        return stallUntilNanos;
    }

    public int failovers() {
        return failovers;
    }

    private void record(String operation, Object... args) {
        StringBuilder call = new StringBuilder();
        call.append(SimTime.toMillis(simulation.nowNanos())).append(' ').append(operation);
        for (Object arg : args) {
            call.append(' ').append(arg);
        }
        calls.add(call.toString());
    }

    @Override
    public long nowNanos() {
        return simulation.nowNanos();
    }

    @Override
    public int nodeSlotCount() {
        return nodes.size();
    }

    @Override
    public boolean isHead(int node) {
        return nodes.get(node).head;
    }

    @Override
    public boolean isHostUp(int node) {
        return nodes.get(node).hostUp;
    }

    @Override
    public boolean isAgentUp(int node) {
        return nodes.get(node).agentUp;
    }

    @Override
    public boolean isDownInServerView(int node) {
        return nodes.get(node).down;
    }

    @Override
    public boolean isReady(int node) {
        Node n = nodes.get(node);
        return !n.down && !n.draining && n.eligible;
    }

    @Override
    public boolean isDraining(int node) {
        return nodes.get(node).draining;
    }

    @Override
    public void terminateHost(int node) {
        record("terminateHost", node);
        nodes.get(node).hostUp = false;
        nodes.get(node).agentUp = false;
    }

    @Override
    public void killAgent(int node) {
        record("killAgent", node);
        nodes.get(node).agentUp = false;
    }

    @Override
    public int restartNode(int node, boolean sameIdentity) {
        record("restartNode", node, sameIdentity);
        if (sameIdentity) {
            Node n = nodes.get(node);
            n.hostUp = true;
            n.agentUp = true;
            n.down = false;
            return node;
        }
        nodes.add(new Node());
        return nodes.size() - 1;
    }

    @Override
    public void setPartition(int node, boolean toServerBlocked, boolean fromServerBlocked) {
        record("setPartition", node, toServerBlocked, fromServerBlocked);
        nodes.get(node).toServerBlocked = toServerBlocked;
        nodes.get(node).fromServerBlocked = fromServerBlocked;
    }

    @Override
    public void setHeartbeatLoss(int node, double lossProbability) {
        record("setHeartbeatLoss", node, lossProbability);
        nodes.get(node).heartbeatLoss = lossProbability;
    }

    @Override
    public void setHeartbeatExtraDelay(int node, long extraDelayNanos) {
        record("setHeartbeatExtraDelay", node, extraDelayNanos);
        nodes.get(node).heartbeatDelayNanos = extraDelayNanos;
    }

    @Override
    public void setStatusUpdateFaults(long maxExtraDelayNanos, double duplicateProbability) {
        record("setStatusUpdateFaults", maxExtraDelayNanos, duplicateProbability);
        statusDelayNanos = maxExtraDelayNanos;
        statusDuplicate = duplicateProbability;
    }

    @Override
    public ApiResult updateEligibility(int node, boolean eligible) {
        record("updateEligibility", node, eligible);
        if (eligible && nodes.get(node).draining) {
            return ApiResult.rejected(
                    "can not set node's scheduling eligibility to eligible while it is draining");
        }
        nodes.get(node).eligible = eligible;
        return ApiResult.OK;
    }

    /** As the model: a purged node is not found again; its drain goes with it. */
    @Override
    public ApiResult purgeNode(int node) {
        record("purgeNode", node);
        if (purged.contains(node)) {
            return ApiResult.rejected("node not found");
        }
        purged.add(node);
        nodes.get(node).draining = false;
        return ApiResult.OK;
    }

    @Override
    public ApiResult updateDrain(int node, DrainSpec spec) {
        record("updateDrain", node, spec.deadlineMillis(), spec.ignoreSystemJobs());
        nodes.get(node).draining = true;
        nodes.get(node).eligible = false;
        return ApiResult.OK;
    }

    @Override
    public ApiResult cancelDrain(int node, boolean markEligible) {
        record("cancelDrain", node, markEligible);
        nodes.get(node).draining = false;
        if (markEligible) {
            nodes.get(node).eligible = true;
        }
        return ApiResult.OK;
    }

    @Override
    public boolean crashRunningWork(int node) {
        record("crashRunningWork", node);
        if (nodes.get(node).runningWork == 0) {
            return false;
        }
        nodes.get(node).runningWork--;
        return true;
    }

    /** Records the call; the fake has no Ray tasks, so nothing is cancelled. */
    @Override
    public boolean cancelTask(int taskPick, boolean force, boolean recursive) {
        record("cancelTask", taskPick, force, recursive);
        return false;
    }

    @Override
    public void setHealthChecksFailing(int node, boolean failing) {
        record("setHealthChecksFailing", node, failing);
    }

    @Override
    public void setWorkSlowdown(double factor) {
        record("setWorkSlowdown", factor);
        slowdown = factor;
    }

    @Override
    public void setClockDrift(int node, long ratePpm) {
        record("setClockDrift", node, ratePpm);
        nodes.get(node).driftPpm = ratePpm;
    }

    @Override
    public void jumpClock(int node, long deltaNanos) {
        record("jumpClock", node, deltaNanos);
        nodes.get(node).clockOffsetNanos += deltaNanos;
    }

    @Override
    public void stallSchedulers(long untilNanos) {
        record("stallSchedulers", untilNanos);
        stallUntilNanos = untilNanos;
    }

    @Override
    public void leaderFailover() {
        record("leaderFailover");
        failovers++;
    }
}
