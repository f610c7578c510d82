package io.schedsim.monitor.detect;

import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.DeadlineHeap;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import java.util.Arrays;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-11 under NOMAD_TTL, on the monitor's own timers: each received heartbeat's ttl lies in
 * [base, 2 base) with base = max(min_heartbeat_ttl, n / max_heartbeats_per_second), n the nodes
 * not down (N-24), and sets the node's expiry to now + ttl + grace; a leader failover sets every
 * live node's to now + failover_heartbeat_ttl (N-26). A node goes down exactly at its expiry:
 * not before (a false early detection), not after (a missed one, reported as soon as the
 * monitor's clock passes the expiry).
 */
public final class TtlGuard extends Guard {
    /** Slack on the rate-scaled base: the model converts n / rate seconds with rounding. */
    private static final long BASE_SLACK_NANOS = 1_000;

    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.NODE_REGISTERED, EventType.NODE_STATUS_CHANGED, EventType.HEARTBEAT_RECEIVED,
            EventType.LEADER_FAILOVER, EventType.NODE_PURGED);

    private static final Set<EventType> DEADLINE_EVENTS = EnumSet.of(
            EventType.NODE_STATUS_CHANGED, EventType.HEARTBEAT_RECEIVED,
            EventType.LEADER_FAILOVER, EventType.NODE_PURGED);

    private final State state;
    private final DeadlineHeap expiries = new DeadlineHeap();
    private long[] expiry = new long[16];
    private int notDown;

    public TtlGuard(State state) {
        this.state = state;
        Arrays.fill(expiry, Time.NEVER);
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public boolean judgesDeadlines() {
        return true;
    }

    /** A registration moves no timer. */
    @Override
    public Set<EventType> deadlineEvents() {
        return DEADLINE_EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        switch (state.eventType) {
            case NODE_REGISTERED -> notDown++;
            case NODE_STATUS_CHANGED -> onStatus((NodeStatusChanged) event);
            case NODE_PURGED -> {
                // Node.Deregister clears the heartbeat timer; the node no longer counts in n
                // until it registers again (its ready status counts it back).
                int n = state.nodeIndex;
                notDown -= state.nodes.down(n) ? 0 : 1;
                expiries.remove(n);
                setExpiry(n, Time.NEVER);
            }
            case HEARTBEAT_RECEIVED -> {
                if (state.config.ttlDetection()) {
                    onHeartbeat((HeartbeatReceived) event);
                }
            }
            case LEADER_FAILOVER -> {
                if (state.config.ttlDetection()) {
                    onFailover(state.eventNanos);
                }
            }
            default -> {
                // no other event moves a TTL timer
            }
        }
    }

    private void onStatus(NodeStatusChanged e) {
        int n = state.nodeIndex;
        boolean wasDown = state.nodes.down(n);
        boolean isDown = e.status() == NodeStatus.DOWN;
        notDown += wasDown == isDown ? 0 : isDown ? -1 : 1;
        // N-27: a missed heartbeat gives down or disconnected; either is the detection judged
        // here. A disconnected node's timer is re-armed with a ttl the history does not carry,
        // so its later down is not timed here (DisconnectGuard judges why it goes down).
        boolean detection = isDown || e.status() == NodeStatus.DISCONNECTED;
        if (!detection || state.nodes.unresponsive(n) || !state.config.ttlDetection()) {
            return;
        }
        long due = expiryOf(n);
        long now = e.atNanos();
        if (due == Time.NEVER) {
            report(e.node(), "node " + e.node() + " marked " + e.status()
                    + " with no heartbeat timer running");
        } else if (now < due) {
            report(e.node(), "node " + e.node() + " marked " + e.status() + " at "
                    + Time.format(now)
                    + ", before its timer expires at " + Time.format(due));
        }
        // A late detection was reported when the clock passed the expiry.
        expiries.remove(n);
        setExpiry(n, Time.NEVER);
    }

    private void onHeartbeat(HeartbeatReceived e) {
        int n = state.nodeIndex;
        NodeTable nodes = state.nodes;
        // The heartbeat of a down node brings it back before the ttl is drawn (N-28).
        int active = notDown + (nodes.down(n) ? 1 : 0);
        long rateScaled = (long) (active / state.config.maxHeartbeatsPerSecond * 1e9);
        long base = Math.max(state.config.minTtlNanos, rateScaled);
        long slack = rateScaled > state.config.minTtlNanos ? BASE_SLACK_NANOS : 0;
        if (e.ttlNanos() < base - slack || e.ttlNanos() >= 2 * base + slack) {
            report(e.node(), "heartbeat ttl " + Time.format(e.ttlNanos()) + " of node " + e.node()
                    + " outside [" + Time.format(base) + ", " + Time.format(2 * base) + ") for "
                    + active + " nodes");
        }
        long due = Time.plus(e.atNanos(), Time.plus(e.ttlNanos(), state.config.graceNanos));
        setExpiry(n, due);
        expiries.set(n, due);
    }

    private void onFailover(long now) {
        long due = Time.plus(now, state.config.failoverTtlNanos);
        for (int n = 0; n < state.nodes.count(); n++) {
            if (!state.nodes.down(n)) {
                setExpiry(n, due);
                expiries.set(n, due);
            }
        }
    }

    @Override
    public void timePassed(long nowNanos) {
        while (!expiries.isEmpty() && expiries.earliest() < nowNanos) {
            int n = expiries.earliestKey();
            long due = expiries.earliest();
            expiries.remove(n);
            if (!state.nodes.unresponsive(n)) {
                report(state.nodes.id(n), "node " + state.nodes.id(n) + " not marked down "
                        + "although its timer expired at " + Time.format(due));
            }
        }
    }

    @Override
    public long nextDeadlineNanos() {
        return expiries.earliest();
    }

    private long expiryOf(int n) {
        return n < expiry.length ? expiry[n] : Time.NEVER;
    }

    private void setExpiry(int n, long due) {
        if (n >= expiry.length) {
            int old = expiry.length;
            expiry = Arrays.copyOf(expiry, Math.max(n + 1, old * 2));
            Arrays.fill(expiry, old, expiry.length, Time.NEVER);
        }
        expiry[n] = due;
    }

    private void report(int node, String message) {
        state.verdicts.report(Invariant.TTL_DETECTION, node, -1, -1, -1, message);
    }
}
