package io.schedsim.monitor;

import io.schedsim.history.EventType;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HealthCheckSent;
import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HeartbeatSent;
import io.schedsim.history.HistoryEvent;
import io.schedsim.monitor.detect.FalsePositiveGuard;
import io.schedsim.monitor.detect.HealthCheckGuard;
import io.schedsim.monitor.detect.LegacyHeartbeatGuard;
import io.schedsim.monitor.detect.TtlGuard;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import java.util.Arrays;

/**
 * The history's most frequent events, heartbeats and health checks (three in four of a swarm
 * run's events), judged by direct calls to the guards that read them instead of the generic
 * dispatch: the same guards, in the same order, with nothing recorded in the state (they are
 * {@link State#STATELESS}) and no step obligation. The constructor checks that against
 * {@link GuardLayout}, so a guard that starts reading one of these types fails every monitor at
 * once rather than being skipped here.
 */
final class HotPath {
    private final State state;
    private final TtlGuard ttl;
    private final LegacyHeartbeatGuard legacy;
    private final HealthCheckGuard checks;
    private final FalsePositiveGuard falsePositive;

    HotPath(State state, Guard[] guards, GuardLayout layout) {
        this.state = state;
        this.ttl = find(guards, TtlGuard.class);
        this.legacy = find(guards, LegacyHeartbeatGuard.class);
        this.checks = find(guards, HealthCheckGuard.class);
        this.falsePositive = find(guards, FalsePositiveGuard.class);
        expect(layout, guards, EventType.HEARTBEAT_SENT);
        expect(layout, guards, EventType.HEARTBEAT_RECEIVED, ttl, legacy, falsePositive);
        expect(layout, guards, EventType.HEALTH_CHECK_SENT, checks, falsePositive);
        expect(layout, guards, EventType.HEALTH_CHECK_ANSWERED, checks, falsePositive);
        expect(layout, guards, EventType.HEALTH_CHECK_FAILED, checks, falsePositive);
    }

    /**
     * Judges {@code event} if it is of a hot type naming a known node and returns true; returns
     * false, touching nothing, for any other event (the generic dispatch takes it).
     */
    boolean record(HistoryEvent event, EventType kind, long at) {
        int node;
        switch (kind) {
            case HEARTBEAT_SENT -> node = ((HeartbeatSent) event).node();
            case HEARTBEAT_RECEIVED -> node = ((HeartbeatReceived) event).node();
            case HEALTH_CHECK_SENT -> node = ((HealthCheckSent) event).node();
            case HEALTH_CHECK_ANSWERED -> node = ((HealthCheckAnswered) event).node();
            case HEALTH_CHECK_FAILED -> node = ((HealthCheckFailed) event).node();
            default -> {
                return false;
            }
        }
        int n = state.nodes.index(node);
        if (n < 0) {
            return false;
        }
        state.eventType = kind;
        state.eventNanos = at;
        state.nodeIndex = n;
        state.allocIndex = -1;
        state.jobIndex = -1;
        state.taskIndex = -1;
        if (kind == EventType.HEARTBEAT_RECEIVED) {
            ttl.before(event);
            legacy.before(event);
            falsePositive.before(event);
        } else if (kind != EventType.HEARTBEAT_SENT) {
            checks.before(event);
            falsePositive.before(event);
        }
        return true;
    }

    private static <G extends Guard> G find(Guard[] guards, Class<G> type) {
        for (Guard guard : guards) {
            if (type.isInstance(guard)) {
                return type.cast(guard);
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " among the guards");
    }

    /** The guards the layout gives {@code type} are exactly {@code expected}, in order. */
    private static void expect(GuardLayout layout, Guard[] guards, EventType type,
            Guard... expected) {
        int[] actual = layout.byType[type.ordinal()];
        Guard[] named = new Guard[actual.length];
        for (int k = 0; k < actual.length; k++) {
            named[k] = guards[actual[k]];
        }
        boolean stateless = State.STATELESS.contains(type);
        boolean noSteps = layout.stepMaskByType[type.ordinal()] == 0;
        boolean noAfter = layout.afterByType[type.ordinal()].length == 0;
        if (!Arrays.equals(named, expected) || !stateless || !noSteps || !noAfter) {
            throw new IllegalStateException("the hot path of " + type.jsonName()
                    + " no longer matches its guards: " + Arrays.toString(named));
        }
    }
}
