package io.schedsim.model.heartbeat;

import io.schedsim.core.check.Check;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HealthCheckFailure;
import io.schedsim.history.HealthCheckSent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import java.util.Arrays;

/**
 * Ray's pull health checks (R-7; ray:src/ray/gcs/gcs_health_check_manager.cc): the GCS checks
 * each node first after the initial delay, then one period after each answer, with at most one
 * check in flight. A check succeeds if the request reaches the node's agent and the reply comes
 * back within the timeout; a dropped message is a timeout, and a host that is up with its agent
 * down refuses the connection, a failure one network delay after sending. Success resets
 * the node's budget to the threshold; a failure or timeout spends one, and at zero the node is
 * DEAD (final: no more checks).
 *
 * <p>Model choices: a node is ALIVE when it registers (Ray adds it to the node table as ALIVE),
 * so {@link #start} and {@link #onNodeJoined} mark INITIALIZING nodes ready at once; checks only
 * detect death. Both messages' fates are drawn when the check is sent; whether the node answers
 * is settled when the request arrives: a node that stops while a request is on its way answers
 * nothing ({@link #onNodeStopped}). Ray's shortcut of skipping a check after a recent
 * resource-sync message is not modelled (there are no sync messages).
 *
 * <p>History (docs/history.md §1.4, rule 7): a check is published when sent, its answer when the
 * reply would reach the GCS (given to the history as a later event, withdrawn if the node stops
 * before the request arrives, which makes it a failure instead) and a failure when it fires.
 */
public class HealthChecks implements FailureDetector {
    static final String DEAD_REASON = "health check failed due to missing too many heartbeats";

    private final ModelContext context;
    private final StateStore state;
    private final Simulation sim;
    private final ControlNetwork network;
    private final long initialDelayNanos;
    private final long periodNanos;
    private final long timeoutNanos;
    private final int threshold;

    private int kindCheck = -1;
    private int kindFailure;
    private int[] remaining = new int[0];
    private int[] generation = new int[0];
    private long[] streakStartNanos = new long[0];
    // The check whose success was counted at sending: when it was sent, when its request reaches
    // the node, and the next check scheduled on the strength of it.
    private long[] sentNanos = new long[0];
    private long[] requestArrivalNanos = new long[0];
    private long[] nextCheckHandle = new long[0];
    private int[] remainingBeforeSuccess = new int[0];
    // History only: the token of the answer given to the history, and the kind of a failure due.
    private long[] answerToken = new long[0];
    private boolean[] refused = new boolean[0];
    private long checksSent;

    public HealthChecks(ModelContext context) {
        this.context = context;
        this.state = context.state();
        this.sim = context.sim();
        this.network = context.network();
        ClusterConfig config = context.config();
        this.initialDelayNanos = SimTime.millis(config.healthCheckInitialDelayMillis);
        this.periodNanos = SimTime.millis(config.healthCheckPeriodMillis);
        this.timeoutNanos = SimTime.millis(config.healthCheckTimeoutMillis);
        this.threshold = config.healthCheckFailureThreshold;
        Check.that(threshold >= 1, "health check failure threshold must be ≥ 1", threshold);
        Check.that(periodNanos > 0, "health check period must be positive", periodNanos);
        Check.that(timeoutNanos > 0, "health check timeout must be positive", timeoutNanos);
    }

    @Override
    public void start() {
        Check.that(kindCheck < 0, "HealthChecks started twice");
        kindCheck = sim.registerKind("ray.healthCheck", this::onCheck);
        kindFailure = sim.registerKind("ray.healthCheckFailed", this::onFailure);
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            onNodeJoined(state.node(slot));
        }
    }

    @Override
    public void onNodeJoined(Node node) {
        if (node.status() == NodeStatus.DOWN) {
            return;
        }
        int slot = node.slot();
        ensure(slot);
        remaining[slot] = threshold;
        generation[slot]++;
        if (node.status() == NodeStatus.INITIALIZING) {
            context.control().markNodeReady(node);
        }
        sim.postAfter(initialDelayNanos, kindCheck, slot, generation[slot]);
    }

    private void onCheck(int slot, long payload) {
        if ((int) payload != generation[slot]) {
            return;
        }
        Node node = state.node(slot);
        if (node.status() == NodeStatus.DOWN) {
            return;
        }
        checksSent++;
        HistoryPort history = context.history();
        if (history.on()) {
            history.record(new HealthCheckSent(sim.nowNanos(), slot));
        }
        long request = network.heartbeatDelay(node, false);
        if (request != ControlNetwork.DROPPED && node.agentUp()) {
            long reply = network.heartbeatDelay(node, true);
            if (reply != ControlNetwork.DROPPED && request + reply <= timeoutNanos) {
                // A success changes nothing anyone observes before the next check (the budget is
                // only read by failures), so it is applied now and costs one event per period.
                remainingBeforeSuccess[slot] = remaining[slot];
                remaining[slot] = budgetAfterSuccess(remaining[slot]);
                sentNanos[slot] = sim.nowNanos();
                requestArrivalNanos[slot] = sim.nowNanos() + request;
                nextCheckHandle[slot] = sim.scheduleAfter(request + reply + periodNanos, kindCheck,
                        slot, generation[slot]);
                if (history.on()) {
                    answerToken[slot] = history.recordLater(
                            new HealthCheckAnswered(sim.nowNanos() + request + reply, slot));
                }
                return;
            }
        }
        // Dropped or slow: a timeout; agent down on a live host: refused after one delay.
        long failAfter = request != ControlNetwork.DROPPED && !node.agentUp()
                ? Math.min(request, timeoutNanos) : timeoutNanos;
        refused[slot] = failAfter < timeoutNanos;
        if (remaining[slot] == threshold) {
            streakStartNanos[slot] = sim.nowNanos();
        }
        sim.postAfter(failAfter, kindFailure, slot, generation[slot]);
    }

    /**
     * A request still on its way to a node that just stopped gets no answer: the check counted
     * as a success becomes a timeout (host down) or a refusal on arrival (agent down, R-8).
     */
    @Override
    public void onNodeStopped(Node node) {
        int slot = node.slot();
        if (slot >= remaining.length || !sim.isPending(nextCheckHandle[slot])
                || requestArrivalNanos[slot] <= sim.nowNanos()) {
            return;
        }
        sim.cancel(nextCheckHandle[slot]);
        long failAt = node.hostUp() ? requestArrivalNanos[slot] : sentNanos[slot] + timeoutNanos;
        refused[slot] = node.hostUp();
        if (context.history().on()) {
            context.history().cancelLater(answerToken[slot]);
        }
        remaining[slot] = remainingBeforeSuccess[slot];
        if (remaining[slot] == threshold) {
            streakStartNanos[slot] = sentNanos[slot];
        }
        sim.post(failAt, kindFailure, slot, generation[slot]);
    }

    private void onFailure(int slot, long payload) {
        if ((int) payload != generation[slot]) {
            return;
        }
        Node node = state.node(slot);
        if (node.status() == NodeStatus.DOWN) {
            return;
        }
        if (context.history().on()) {
            context.history().record(new HealthCheckFailed(sim.nowNanos(), slot,
                    refused[slot] ? HealthCheckFailure.REFUSED : HealthCheckFailure.TIMEOUT));
        }
        if (--remaining[slot] == 0) {
            long streakNanos = sim.nowNanos() - streakStartNanos[slot];
            if (streakNanos < (threshold - 1) * periodNanos) {
                context.checks().violation(Inv.HEALTH_CHECK_DETECTION, node + " declared DEAD "
                        + "after a failure streak of " + SimTime.format(streakNanos)
                        + ", shorter than (threshold - 1) × period");
            }
            generation[slot]++;
            context.control().markNodeDown(node, DEAD_REASON);
            return;
        }
        sim.postAfter(periodNanos, kindCheck, slot, generation[slot]);
    }

    /**
     * The failures a node may take after a successful check: the whole threshold again, as
     * only consecutive failures count. A hook so that a bug-zoo variant can get it wrong.
     */
    protected int budgetAfterSuccess(int remainingBefore) {
        return threshold;
    }

    /** The configured failure threshold, for variants that compute their own budget. */
    protected final int threshold() {
        return threshold;
    }

    /**
     * Longest time from a node's last sign of life to DEAD (INV-12): the threshold of timed-out
     * checks one period apart, one more period of phase, and the initial delay of a new node.
     */
    @Override
    public long detectionWindowNanos() {
        return threshold * (timeoutNanos + periodNanos) + periodNanos + initialDelayNanos;
    }

    @Override
    public String name() {
        return "ray-health-check";
    }

    /** Checks sent so far (a deterministic step count for tests and reports). */
    public long checksSent() {
        return checksSent;
    }

    /** Failures the node may still take before it is DEAD (the threshold after a success). */
    public int remaining(int slot) {
        return slot < remaining.length ? remaining[slot] : threshold;
    }

    private void ensure(int slot) {
        if (slot < remaining.length) {
            return;
        }
        int capacity = Math.max(16, remaining.length);
        while (capacity <= slot) {
            capacity *= 2;
        }
        remaining = Arrays.copyOf(remaining, capacity);
        generation = Arrays.copyOf(generation, capacity);
        streakStartNanos = Arrays.copyOf(streakStartNanos, capacity);
        sentNanos = Arrays.copyOf(sentNanos, capacity);
        requestArrivalNanos = Arrays.copyOf(requestArrivalNanos, capacity);
        nextCheckHandle = Arrays.copyOf(nextCheckHandle, capacity);
        remainingBeforeSuccess = Arrays.copyOf(remainingBeforeSuccess, capacity);
        answerToken = Arrays.copyOf(answerToken, capacity);
        refused = Arrays.copyOf(refused, capacity);
    }
}
