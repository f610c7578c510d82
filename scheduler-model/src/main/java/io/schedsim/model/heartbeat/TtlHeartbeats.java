package io.schedsim.model.heartbeat;

import io.schedsim.core.event.EventQueue;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.EventType;
import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HeartbeatSent;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Disconnects;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * Nomad's TTL heartbeats (N-24..N-28): clients push heartbeats; on each one the server draws
 * {@code ttl = base + uniform[0, base)} with {@code base = max(min_heartbeat_ttl, n / rate)},
 * returns it, and resets the node's timer to {@code ttl + heartbeat_grace}. Expiry marks the node
 * down. A client whose heartbeat got no answer retries after heartbeatRetryInterval; only the
 * answer to its latest heartbeat re-arms its timer, as Nomad's heartbeat RPC is synchronous and a
 * retry abandons the earlier call. After a leader failover every live timer is reset to
 * failover_heartbeat_ttl (N-26). Each heartbeat the client sends, and each one the servers
 * receive with the ttl drawn for it, is published to the run's history.
 */
public final class TtlHeartbeats implements FailureDetector {
    private final ModelContext context;
    private final StateStore state;
    private final Simulation sim;
    private final ClusterConfig config;
    private final SimRandom random;
    private final LongArrayList serverTimers = new LongArrayList();
    private final LongArrayList clientTimers = new LongArrayList();
    /** Per node: sequence number of the latest heartbeat the client sent. */
    private final IntArrayList latestSent = new IntArrayList();
    /** A reply carries the low bits of the incarnation and sequence it answers, and the ttl. */
    private static final long REPLY_INCARNATION_MASK = 0xFF;
    private static final long REPLY_SEQUENCE_MASK = 0xFFFF;
    private int sendKind;
    private int arriveKind;
    private int replyKind;
    private int expireKind;

    public TtlHeartbeats(ModelContext context) {
        this.context = context;
        this.state = context.state();
        this.sim = context.sim();
        this.config = context.config();
        this.random = sim.random("heartbeat");
    }

    @Override
    public void start() {
        sendKind = sim.registerKind("hb.send", (slot, inc) -> send(state.node(slot), inc));
        arriveKind = sim.registerKind("hb.arrive", (slot, inc) -> arrive(state.node(slot), inc));
        replyKind = sim.registerKind("hb.reply", (slot, packed) -> reply(state.node(slot), packed));
        expireKind = sim.registerKind("hb.expire", (slot, p) -> expire(state.node(slot)));
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            onNodeJoined(state.node(slot));
        }
    }

    @Override
    public void onNodeJoined(Node node) {
        while (serverTimers.size() <= node.slot()) {
            serverTimers.add(EventQueue.NO_HANDLE);
            clientTimers.add(EventQueue.NO_HANDLE);
            latestSent.add(0);
        }
        scheduleSend(node, 0);
    }

    private void scheduleSend(Node node, long trueDelayNanos) {
        sim.cancel(clientTimers.getLong(node.slot()));
        clientTimers.set(node.slot(), sim.scheduleAfter(trueDelayNanos, sendKind, node.slot(),
                node.incarnation()));
    }

    private void send(Node node, long incarnation) {
        if (!node.hostUp() || !node.agentUp() || node.incarnation() != incarnation) {
            return;
        }
        int sequence = latestSent.getInt(node.slot()) + 1;
        latestSent.set(node.slot(), sequence);
        if (context.history().publishes(EventType.HEARTBEAT_SENT)) {
            context.history().record(new HeartbeatSent(sim.nowNanos(), node.slot()));
        }
        long delay = context.network().heartbeatDelay(node, true);
        if (delay != ControlNetwork.DROPPED) {
            sim.postAfter(delay, arriveKind, node.slot(),
                    (incarnation << 32) | Integer.toUnsignedLong(sequence));
        }
        // Without an answer within the retry interval the client sends again (N-25).
        scheduleSend(node, node.localToTrueNanos(SimTime.millis(config.heartbeatRetryIntervalMillis)));
    }

    private void arrive(Node node, long packed) {
        state.recordHeartbeat(node);
        if (node.status() != NodeStatus.READY) {
            context.control().markNodeReady(node);
        }
        long base = baseTtlNanos();
        long ttl = base + random.nextLong(base);
        if (context.history().on()) {
            context.history().record(new HeartbeatReceived(sim.nowNanos(), node.slot(), ttl));
        }
        resetServerTimer(node, ttl + SimTime.millis(config.heartbeatGraceMillis));
        long delay = context.network().heartbeatDelay(node, false);
        if (delay != ControlNetwork.DROPPED) {
            long incarnation = (packed >>> 32) & REPLY_INCARNATION_MASK;
            long sequence = packed & REPLY_SEQUENCE_MASK;
            sim.postAfter(delay, replyKind, node.slot(),
                    (incarnation << 56) | (sequence << 40) | ttl);
        }
    }

    private void reply(Node node, long packed) {
        long incarnation = packed >>> 56;
        long sequence = (packed >>> 40) & REPLY_SEQUENCE_MASK;
        long ttl = packed & ((1L << 40) - 1);
        // N-25: the client heartbeats ttl after the answer to its latest heartbeat. An answer to an
        // earlier one, held back by a delay, is stale: honouring it would push the next heartbeat
        // past the server's ttl + grace and take down a node no fault touches any more (INV-13).
        boolean latest = (latestSent.getInt(node.slot()) & REPLY_SEQUENCE_MASK) == sequence;
        if (node.hostUp() && node.agentUp() && latest
                && (node.incarnation() & REPLY_INCARNATION_MASK) == incarnation) {
            scheduleSend(node, node.localToTrueNanos(ttl));
        }
    }

    private void resetServerTimer(Node node, long afterNanos) {
        sim.cancel(serverTimers.getLong(node.slot()));
        serverTimers.set(node.slot(), sim.scheduleAfter(afterNanos, expireKind, node.slot(), 0));
    }

    /**
     * N-27 (nomad:nomad/heartbeat.go {@code invalidateHeartbeat}): a node that holds an unexpired
     * allocation with lost_after goes disconnected, else down. Its status update re-arms the
     * timer with a fresh ttl as any update but down does (node_endpoint.go {@code UpdateStatus}),
     * so a disconnected node is judged again one ttl + grace later and goes down once every such
     * allocation has expired. Without a disconnect block nothing here draws or re-arms.
     */
    private void expire(Node node) {
        serverTimers.set(node.slot(), EventQueue.NO_HANDLE);
        if (node.status() == NodeStatus.DOWN) {
            return;
        }
        if (node.status() != NodeStatus.INITIALIZING
                && Disconnects.canDisconnect(state, node, sim.nowNanos())) {
            context.control().markNodeDisconnected(node, "Node heartbeat missed");
            long base = baseTtlNanos();
            long ttl = base + random.nextLong(base);
            resetServerTimer(node, ttl + SimTime.millis(config.heartbeatGraceMillis));
        } else {
            context.control().markNodeDown(node, "Node heartbeat missed");
        }
    }

    /** {@code max(min_heartbeat_ttl, n / max_heartbeats_per_second)}, n = nodes with timers. */
    private long baseTtlNanos() {
        int active = 0;
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            if (state.node(slot).status() != NodeStatus.DOWN) {
                active++;
            }
        }
        long rateScaled = SimTime.seconds(active / config.maxHeartbeatsPerSecond);
        return Math.max(SimTime.millis(config.minHeartbeatTtlMillis), rateScaled);
    }

    /**
     * Node.Deregister clears the heartbeat timer. The client keeps heartbeating: the servers
     * answer "node not found" and it registers again (client/client.go), modelled as the
     * heartbeat's arrival marking it ready ({@link #arrive}), which arms a fresh timer.
     */
    @Override
    public void onNodePurged(Node node) {
        if (node.slot() < serverTimers.size()) {
            sim.cancel(serverTimers.getLong(node.slot()));
            serverTimers.set(node.slot(), EventQueue.NO_HANDLE);
        }
    }

    @Override
    public void onLeaderFailover() {
        long failover = SimTime.millis(config.failoverHeartbeatTtlMillis);
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            if (state.node(slot).status() != NodeStatus.DOWN) {
                resetServerTimer(state.node(slot), failover);
            }
        }
    }

    @Override
    public void onClockJump(Node node, long deltaNanos) {
        long handle = clientTimers.getLong(node.slot());
        long due = sim.dueTimeOf(handle);
        if (due != Long.MIN_VALUE) {
            scheduleSend(node, Math.max(0, due - deltaNanos - sim.nowNanos()));
        }
    }

    @Override
    public long detectionWindowNanos() {
        return 2 * baseTtlNanos() + SimTime.millis(config.heartbeatGraceMillis);
    }

    @Override
    public String name() {
        return "nomad-ttl";
    }
}
