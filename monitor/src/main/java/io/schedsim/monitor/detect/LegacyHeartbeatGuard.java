package io.schedsim.monitor.detect;

import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.DeadlineHeap;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * R-9 under RAY_LEGACY_HEARTBEAT, on the monitor's own timers: the GCS resets a node's count to
 * num_heartbeats_timeout on registration and on every heartbeat it receives, and one timer of
 * period P takes one from every count; so a node is DEAD at the timeout-th tick after its last
 * reset, no sooner than (timeout − 1)·P after it (a tick at the reset's very instant counts) and
 * no later than timeout·P (reported as soon as the monitor's clock passes it). A killed node
 * sends nothing after its kill, and its last heartbeat arrives within one period, so it is DEAD
 * within timeout + 1 periods of the kill: the deadline above, measured from that heartbeat.
 * Heartbeats of a DEAD node are not received (the GCS ignores them); DEAD is final.
 */
public final class LegacyHeartbeatGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.NODE_REGISTERED, EventType.NODE_STATUS_CHANGED,
            EventType.HEARTBEAT_RECEIVED);

    private final State state;
    private final DeadlineHeap deadlines = new DeadlineHeap();
    private long[] lastReset = new long[16];

    public LegacyHeartbeatGuard(State state) {
        this.state = state;
        Arrays.fill(lastReset, Time.NOT_YET);
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public boolean judgesDeadlines() {
        return true;
    }

    @Override
    public void before(HistoryEvent event) {
        if (!state.config.legacyHeartbeatDetection()) {
            return;
        }
        switch (state.eventType) {
            // Not yet in the node table: it takes the next dense index (NodeTable.register).
            case NODE_REGISTERED -> reset(state.nodes.count(), state.eventNanos);
            case HEARTBEAT_RECEIVED -> {
                if (!state.nodes.down(state.nodeIndex)) {
                    reset(state.nodeIndex, state.eventNanos);
                }
            }
            case NODE_STATUS_CHANGED -> onStatus((NodeStatusChanged) event);
            default -> {
                // no other event moves a count
            }
        }
    }

    private void reset(int n, long now) {
        ensure(n);
        lastReset[n] = now;
        deadlines.set(n, Time.plus(now, state.config.numHeartbeatsTimeout
                * state.config.rayHeartbeatPeriodNanos));
    }

    private void onStatus(NodeStatusChanged e) {
        int n = state.nodeIndex;
        if (e.status() != NodeStatus.DOWN || state.nodes.down(n)) {
            return;
        }
        deadlines.remove(n);
        ensure(n);
        if (lastReset[n] == Time.NOT_YET) {
            report(e.node(), "node " + e.node() + " declared DEAD with no count running");
            return;
        }
        long period = state.config.rayHeartbeatPeriodNanos;
        long earliest = Time.plus(lastReset[n], (state.config.numHeartbeatsTimeout - 1) * period);
        if (e.atNanos() < earliest) {
            report(e.node(), "node " + e.node() + " declared DEAD at " + Time.format(e.atNanos())
                    + ", " + Time.format(e.atNanos() - lastReset[n]) + " after its last"
                    + " heartbeat: before (num_heartbeats_timeout - 1) periods, "
                    + Time.format(earliest));
        }
        // A late one was reported when the clock passed its deadline.
    }

    @Override
    public void timePassed(long nowNanos) {
        while (!deadlines.isEmpty() && deadlines.earliest() < nowNanos) {
            int n = deadlines.earliestKey();
            long due = deadlines.earliest();
            deadlines.remove(n);
            if (!state.nodes.down(n)) {
                report(state.nodes.id(n), "node " + state.nodes.id(n) + " not DEAD although"
                        + " the GCS received no heartbeat for num_heartbeats_timeout periods,"
                        + " by " + Time.format(due));
            }
        }
    }

    @Override
    public long nextDeadlineNanos() {
        return deadlines.earliest();
    }

    private void ensure(int n) {
        if (n >= lastReset.length) {
            int old = lastReset.length;
            lastReset = Arrays.copyOf(lastReset, Math.max(n + 1, old * 2));
            Arrays.fill(lastReset, old, lastReset.length, Time.NOT_YET);
        }
    }

    private void report(int node, String message) {
        state.verdicts.report(Invariant.LEGACY_HEARTBEAT_DETECTION, node, -1, -1, -1, message);
    }
}
