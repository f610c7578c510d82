package io.schedsim.model.heartbeat;

import io.schedsim.core.check.Check;
import io.schedsim.core.event.EventQueue;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.EventType;
import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HeartbeatSent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import java.util.Arrays;

/**
 * Ray's legacy push heartbeats (R-9; ray:src/ray/gcs/gcs_server/gcs_heartbeat_manager.cc, which
 * R-7's pull checks replaced): each raylet pushes a heartbeat every period of its own clock. The
 * GCS keeps a count per node, set to num_heartbeats_timeout when the node is added and on every
 * heartbeat; one GCS timer ticks every period for all nodes at once and takes one from every
 * count, and a count that reaches zero makes its node DEAD (final). So a node is DEAD at the
 * timeout-th tick after its last heartbeat: between (timeout − 1) and timeout periods after it,
 * by the heartbeat's phase against the GCS's ticks, about 30 s with the defaults (1 s × 30).
 *
 * <p>A raylet the GCS declared dead learns it at its next liveness self-check (every
 * raylet_liveness_self_check_interval_ms of its clock, ray#34087) and stops heartbeating; its
 * heartbeats in between are ignored, as the GCS ignores those of nodes it no longer tracks.
 *
 * <p>Model choices: a node is ALIVE when it registers (as under {@link HealthChecks}); the GCS's
 * ticks run on true time from the detector's start; a raylet's first heartbeat goes one period
 * after it registers; the self-check's round trip to the GCS is not modelled (it reads the
 * verdict directly: its only effect is to stop heartbeats nobody reads any more).
 *
 * <p>History: each heartbeat a raylet sends, and each one the GCS accepts (docs/history.md).
 */
public class RayHeartbeats implements FailureDetector {
    static final String DEAD_REASON = "GCS missed num_heartbeats_timeout heartbeats";

    private final ModelContext context;
    private final StateStore state;
    private final Simulation sim;
    private final ControlNetwork network;
    private final long periodNanos;
    private final int timeout;
    private final long selfCheckNanos;

    private int kindTick = -1;
    private int kindSend;
    private int kindArrive;
    private int kindSelfCheck;
    /** Per node: GCS periods left before DEAD; 0 once DEAD or for a slot never tracked. */
    private int[] remaining = new int[0];
    /** Per node: when the GCS last reset its count (registration or heartbeat). */
    private long[] lastResetNanos = new long[0];
    /** Per node: the raylet's pending heartbeat timer, moved by clock jumps. */
    private long[] sendTimer = new long[0];
    private long heartbeatsSent;

    public RayHeartbeats(ModelContext context) {
        this.context = context;
        this.state = context.state();
        this.sim = context.sim();
        this.network = context.network();
        ClusterConfig config = context.config();
        this.periodNanos = SimTime.millis(config.rayHeartbeatPeriodMillis);
        this.timeout = config.rayNumHeartbeatsTimeout;
        this.selfCheckNanos = SimTime.millis(config.rayLivenessSelfCheckIntervalMillis);
        Check.that(periodNanos > 0, "raylet heartbeat period must be positive", periodNanos);
        Check.that(timeout >= 1, "num_heartbeats_timeout must be ≥ 1", timeout);
        Check.that(selfCheckNanos > 0, "liveness self-check interval must be positive",
                selfCheckNanos);
    }

    @Override
    public void start() {
        Check.that(kindTick < 0, "RayHeartbeats started twice");
        kindTick = sim.registerKind("ray.heartbeatTick", (entity, payload) -> tick());
        kindSend = sim.registerKind("ray.heartbeatSend", this::send);
        kindArrive = sim.registerKind("ray.heartbeatArrive", this::arrive);
        kindSelfCheck = sim.registerKind("ray.livenessSelfCheck", this::selfCheck);
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            onNodeJoined(state.node(slot));
        }
        sim.postAfter(periodNanos, kindTick, 0, 0);
    }

    @Override
    public void onNodeJoined(Node node) {
        if (node.status() == NodeStatus.DOWN) {
            return;
        }
        int slot = node.slot();
        ensure(slot);
        reset(slot);
        if (node.status() == NodeStatus.INITIALIZING) {
            context.control().markNodeReady(node);
        }
        scheduleSend(node, node.localToTrueNanos(periodNanos));
        sim.postAfter(node.localToTrueNanos(selfCheckNanos), kindSelfCheck, slot,
                node.incarnation());
    }

    private void reset(int slot) {
        remaining[slot] = countAfterHeartbeat();
        lastResetNanos[slot] = sim.nowNanos();
    }

    private void scheduleSend(Node node, long trueDelayNanos) {
        sim.cancel(sendTimer[node.slot()]);
        sendTimer[node.slot()] = sim.scheduleAfter(trueDelayNanos, kindSend, node.slot(),
                node.incarnation());
    }

    /** The raylet's heartbeat timer: push one and re-arm, while its host and agent are up. */
    private void send(int slot, long incarnation) {
        Node node = state.node(slot);
        sendTimer[slot] = EventQueue.NO_HANDLE;
        if (!node.hostUp() || !node.agentUp() || node.incarnation() != incarnation) {
            return;
        }
        heartbeatsSent++;
        if (context.history().publishes(EventType.HEARTBEAT_SENT)) {
            context.history().record(new HeartbeatSent(sim.nowNanos(), slot));
        }
        long delay = network.heartbeatDelay(node, true);
        if (delay != ControlNetwork.DROPPED) {
            sim.postAfter(delay, kindArrive, slot, incarnation);
        }
        scheduleSend(node, node.localToTrueNanos(periodNanos));
    }

    /** The GCS resets the count of a node it tracks; a DEAD node's heartbeat is ignored. */
    private void arrive(int slot, long incarnation) {
        Node node = state.node(slot);
        if (node.status() == NodeStatus.DOWN || remaining[slot] == 0) {
            return;
        }
        state.recordHeartbeat(node);
        reset(slot);
        if (context.history().on()) {
            context.history().record(new HeartbeatReceived(sim.nowNanos(), slot,
                    timeout * periodNanos));
        }
    }

    /** The GCS's periodic detection pass over every tracked node, in slot order. */
    private void tick() {
        for (int slot = 0; slot < remaining.length && slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (remaining[slot] == 0 || node.status() == NodeStatus.DOWN) {
                continue;
            }
            if (--remaining[slot] == 0) {
                declareDead(node);
            }
        }
        sim.postAfter(periodNanos, kindTick, 0, 0);
    }

    private void declareDead(Node node) {
        long sinceNanos = sim.nowNanos() - lastResetNanos[node.slot()];
        if (sinceNanos < (timeout - 1) * periodNanos) {
            context.checks().violation(Inv.LEGACY_HEARTBEAT_DETECTION, node + " declared DEAD "
                    + SimTime.format(sinceNanos) + " after its last heartbeat, before "
                    + "(num_heartbeats_timeout - 1) periods");
        }
        context.control().markNodeDown(node, DEAD_REASON);
    }

    /** ray#34087: a raylet that finds itself declared dead stops heartbeating. */
    private void selfCheck(int slot, long incarnation) {
        Node node = state.node(slot);
        if (node.incarnation() != incarnation || !node.hostUp() || !node.agentUp()) {
            return;
        }
        if (node.status() == NodeStatus.DOWN) {
            sim.cancel(sendTimer[slot]);
            sendTimer[slot] = EventQueue.NO_HANDLE;
            return;
        }
        sim.postAfter(node.localToTrueNanos(selfCheckNanos), kindSelfCheck, slot, incarnation);
    }

    /**
     * The count the GCS sets on registration and on each heartbeat: num_heartbeats_timeout
     * (gcs_heartbeat_manager.cc). A hook so that a bug-zoo variant can get it wrong.
     */
    protected int countAfterHeartbeat() {
        return timeout;
    }

    /** The configured num_heartbeats_timeout, for variants that compute their own count. */
    protected final int timeout() {
        return timeout;
    }

    @Override
    public void onClockJump(Node node, long deltaNanos) {
        long due = sim.dueTimeOf(sendTimer[node.slot()]);
        if (due != Long.MIN_VALUE) {
            scheduleSend(node, Math.max(0, due - deltaNanos - sim.nowNanos()));
        }
    }

    /**
     * Longest time from a node's last sign of life to DEAD: its heartbeat sent just before it
     * stopped is received within a period (delays are far shorter), and DEAD follows at most
     * timeout periods after that.
     */
    @Override
    public long detectionWindowNanos() {
        return (timeout + 1L) * periodNanos;
    }

    @Override
    public String name() {
        return "ray-legacy-heartbeat";
    }

    /** Heartbeats raylets have pushed so far (a deterministic step count for tests). */
    public long heartbeatsSent() {
        return heartbeatsSent;
    }

    /** GCS periods the node has left before DEAD (0 once DEAD). */
    public int remaining(int slot) {
        return slot < remaining.length ? remaining[slot] : 0;
    }

    private void ensure(int slot) {
        if (slot < remaining.length) {
            return;
        }
        int capacity = Math.max(16, remaining.length);
        while (capacity <= slot) {
            capacity *= 2;
        }
        int old = sendTimer.length;
        remaining = Arrays.copyOf(remaining, capacity);
        lastResetNanos = Arrays.copyOf(lastResetNanos, capacity);
        sendTimer = Arrays.copyOf(sendTimer, capacity);
        Arrays.fill(sendTimer, old, capacity, EventQueue.NO_HANDLE);
    }
}
