package io.schedsim.monitor.detect;

import io.schedsim.history.DetectorPolicy;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Disturbances;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-13 with exact excuses: a node may go down only if something that could starve the servers
 * of its signs of life touched it within the window that decided it. Under the push detectors
 * (NOMAD_TTL, and RAY_LEGACY_HEARTBEAT's raylet heartbeats, R-9) that window
 * is [last received heartbeat, down] (registration if none) and any disturbance of the node
 * counts: kill, partition, heartbeat loss or delay (plus the delay in flight), clock drift, or a
 * backward clock jump (its hold-back). Under RAY_HEALTH_CHECK every failed check of the streak
 * that ended in DEAD must be explained by a kill, partition, loss or delay of the node overlapping
 * that check, from its sending to its failure; the node's clock plays no part in a pull check.
 * A blackout shorter than (threshold - 1) periods therefore cannot excuse DEAD: the streak's
 * checks are a period apart (R-7, judged by HealthCheckGuard) and each needs its own excuse.
 */
public final class FalsePositiveGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.HEARTBEAT_RECEIVED, EventType.HEALTH_CHECK_SENT,
            EventType.HEALTH_CHECK_ANSWERED, EventType.HEALTH_CHECK_FAILED,
            EventType.NODE_STATUS_CHANGED);

    private final State state;
    private final ObjectArrayList<LongArrayList> streaks = new ObjectArrayList<>();
    private long[] lastHeartbeatAt = new long[16];
    private long[] checkSentAt = new long[16];

    public FalsePositiveGuard(State state) {
        this.state = state;
        Arrays.fill(lastHeartbeatAt, Time.NOT_YET);
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        switch (state.eventType) {
            case HEARTBEAT_RECEIVED -> {
                ensure(state.nodeIndex);
                lastHeartbeatAt[state.nodeIndex] = state.eventNanos;
            }
            case HEALTH_CHECK_SENT -> {
                ensure(state.nodeIndex);
                checkSentAt[state.nodeIndex] = state.eventNanos;
            }
            case HEALTH_CHECK_ANSWERED -> streak(state.nodeIndex).clear();
            case HEALTH_CHECK_FAILED -> {
                LongArrayList streak = streak(state.nodeIndex);
                streak.add(checkSentAt[state.nodeIndex]);
                streak.add(state.eventNanos);
            }
            case NODE_STATUS_CHANGED -> {
                NodeStatusChanged e = (NodeStatusChanged) event;
                // A disconnected verdict is a detection too (N-27); so is down after it.
                boolean detection = e.status() == NodeStatus.DOWN
                        ? !state.nodes.down(state.nodeIndex)
                        : e.status() == NodeStatus.DISCONNECTED
                        && !state.nodes.unresponsive(state.nodeIndex);
                if (detection) {
                    judge(state.nodeIndex, e);
                }
            }
            default -> {
                // no other event bears on a detection
            }
        }
    }

    private void judge(int n, NodeStatusChanged e) {
        if (state.config.detector == DetectorPolicy.RAY_HEALTH_CHECK) {
            judgeStreak(n, e);
            return;
        }
        ensure(n);
        long from = lastHeartbeatAt[n] == Time.NOT_YET ? state.nodes.registeredAt(n)
                : lastHeartbeatAt[n];
        if (!state.disturbances.during(n, from, e.atNanos(), Disturbances.ANY)) {
            report(e, "node " + e.node() + " marked down (\"" + e.reason() + "\") although no "
                    + "kill or starvation fault touched it since " + Time.format(from));
        }
    }

    private void judgeStreak(int n, NodeStatusChanged e) {
        LongArrayList streak = streak(n);
        if (streak.isEmpty()) {
            report(e, "node " + e.node() + " declared DEAD (\"" + e.reason() + "\") without a "
                    + "failed health check");
            return;
        }
        for (int k = 0; k < streak.size(); k += 2) {
            long sent = streak.getLong(k);
            long failed = streak.getLong(k + 1);
            if (!state.disturbances.during(n, sent, failed, Disturbances.HEALTH_CHECK)) {
                report(e, "node " + e.node() + " declared DEAD after a health check (sent "
                        + Time.format(sent) + ", failed " + Time.format(failed) + ") that no "
                        + "kill, partition, loss or delay of the node explains");
                return;
            }
        }
    }

    private LongArrayList streak(int n) {
        ensure(n);
        while (streaks.size() <= n) {
            streaks.add(new LongArrayList());
        }
        return streaks.get(n);
    }

    private void ensure(int n) {
        if (n >= lastHeartbeatAt.length) {
            int old = lastHeartbeatAt.length;
            int size = Math.max(n + 1, old * 2);
            lastHeartbeatAt = Arrays.copyOf(lastHeartbeatAt, size);
            Arrays.fill(lastHeartbeatAt, old, size, Time.NOT_YET);
            checkSentAt = Arrays.copyOf(checkSentAt, size);
        }
    }

    private void report(NodeStatusChanged e, String message) {
        state.verdicts.report(Invariant.NO_FALSE_POSITIVES, e.node(), -1, -1, -1, message);
    }
}
