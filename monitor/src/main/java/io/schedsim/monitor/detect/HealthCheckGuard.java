package io.schedsim.monitor.detect;

import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HealthCheckFailure;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Config;
import io.schedsim.monitor.state.DeadlineHeap;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import java.util.Arrays;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Ray's pull health checks under RAY_HEALTH_CHECK. R-7: at most one check in flight per node, the
 * first no sooner than the initial delay after registration, each next no sooner than a period
 * after the previous outcome, none after DEAD; a reply counts only before the timeout, a timeout
 * not before it. INV-12: DEAD exactly at the threshold-th consecutive failure, whose checks span
 * at least (threshold - 1) periods; a killed node is DEAD within threshold (timeout +
 * period) + period of the kill, plus the initial delay if no check was sent to it yet.
 */
public final class HealthCheckGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.HEALTH_CHECK_SENT, EventType.HEALTH_CHECK_ANSWERED,
            EventType.HEALTH_CHECK_FAILED, EventType.NODE_STATUS_CHANGED, EventType.HOST_TERMINATED,
            EventType.AGENT_KILLED);

    private static final Set<EventType> DEADLINE_EVENTS = EnumSet.of(
            EventType.NODE_STATUS_CHANGED, EventType.HOST_TERMINATED, EventType.AGENT_KILLED);

    private final State state;
    private final DeadlineHeap bounds = new DeadlineHeap();
    private boolean[] inFlight = new boolean[16];
    private boolean[] anySent = new boolean[16];
    private long[] sentAt = new long[16];
    private long[] lastOutcomeAt = new long[16];
    private int[] failures = new int[16];
    private long[] streakFirstSentAt = new long[16];
    private long[] streakLastSentAt = new long[16];
    private long[] killedAt = new long[16];

    public HealthCheckGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public boolean judgesDeadlines() {
        return true;
    }

    /** Only a kill sets a detection bound, only a node's death lifts it. */
    @Override
    public Set<EventType> deadlineEvents() {
        return DEADLINE_EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (!state.config.healthCheckDetection()) {
            return;
        }
        switch (state.eventType) {
            case HEALTH_CHECK_SENT -> onSent(state.nodeIndex, state.eventNanos);
            case HEALTH_CHECK_ANSWERED -> onOutcome(state.nodeIndex, state.eventNanos, null);
            case HEALTH_CHECK_FAILED -> onOutcome(state.nodeIndex, state.eventNanos,
                    ((HealthCheckFailed) event).failure());
            case NODE_STATUS_CHANGED -> {
                if (((NodeStatusChanged) event).status() == NodeStatus.DOWN
                        && !state.nodes.down(state.nodeIndex)) {
                    onDead(state.nodeIndex, state.eventNanos);
                }
            }
            case HOST_TERMINATED, AGENT_KILLED -> onKilled(state.nodeIndex, state.eventNanos);
            default -> {
                // no other event concerns health checks
            }
        }
    }

    private void onSent(int n, long now) {
        ensure(n);
        Config c = state.config;
        int id = state.nodes.id(n);
        if (state.nodes.down(n)) {
            report(Invariant.HEALTH_CHECK_SCHEDULE, id, "health check sent to DEAD node " + id);
        } else if (inFlight[n]) {
            report(Invariant.HEALTH_CHECK_SCHEDULE, id, "second health check in flight to node "
                    + id + " (first sent at " + Time.format(sentAt[n]) + ")");
        } else if (!anySent[n] && now < Time.plus(state.nodes.registeredAt(n), c.initialDelayNanos)) {
            report(Invariant.HEALTH_CHECK_SCHEDULE, id, "first health check of node " + id + " at "
                    + Time.format(now) + ", before the initial delay after registration at "
                    + Time.format(state.nodes.registeredAt(n)));
        } else if (anySent[n] && now < Time.plus(lastOutcomeAt[n], c.periodNanos)) {
            report(Invariant.HEALTH_CHECK_SCHEDULE, id, "health check of node " + id + " at "
                    + Time.format(now) + ", less than a period after the last outcome at "
                    + Time.format(lastOutcomeAt[n]));
        }
        inFlight[n] = true;
        anySent[n] = true;
        sentAt[n] = now;
    }

    /** A reply ({@code failure} null) or a failure of the check in flight. */
    private void onOutcome(int n, long now, HealthCheckFailure failure) {
        ensure(n);
        int id = state.nodes.id(n);
        long deadline = Time.plus(sentAt[n], state.config.timeoutNanos);
        if (!inFlight[n]) {
            report(Invariant.HEALTH_CHECK_SCHEDULE, id, "health check outcome for node " + id
                    + " with no check in flight");
        } else if (failure == null && now > deadline) {
            report(Invariant.HEALTH_CHECK_SCHEDULE, id, "health check of node " + id
                    + " answered at " + Time.format(now) + ", after its timeout at "
                    + Time.format(deadline));
        } else if (failure == HealthCheckFailure.TIMEOUT && now < deadline) {
            report(Invariant.HEALTH_CHECK_SCHEDULE, id, "health check of node " + id
                    + " timed out at " + Time.format(now) + ", before its deadline "
                    + Time.format(deadline));
        }
        inFlight[n] = false;
        lastOutcomeAt[n] = now;
        if (failure == null) {
            failures[n] = 0;
            if (bounds.contains(n) && sentAt[n] < killedAt[n]) {
                // A reply to a check sent before the kill, held in flight by a delay fault,
                // arrives after it and resets the streak: detection counts from this reply
                // (chaos-swarm seed 108367: sent 38.068 s, killed 44.261 s, answered 47.787 s).
                bounds.set(n, Time.plus(now, killBoundNanos(state.config)));
            }
            return;
        }
        if (failures[n] == 0) {
            streakFirstSentAt[n] = sentAt[n];
        }
        streakLastSentAt[n] = sentAt[n];
        failures[n]++;
    }

    private void onDead(int n, long now) {
        ensure(n);
        Config c = state.config;
        int id = state.nodes.id(n);
        bounds.remove(n);
        if (failures[n] < c.threshold) {
            report(Invariant.HEALTH_CHECK_DETECTION, id, "node " + id + " declared DEAD after "
                    + failures[n] + " consecutive failed checks, threshold " + c.threshold);
        } else if (failures[n] > c.threshold) {
            report(Invariant.HEALTH_CHECK_DETECTION, id, "node " + id + " declared DEAD only after "
                    + failures[n] + " consecutive failed checks, threshold " + c.threshold);
        } else {
            long span = streakLastSentAt[n] - streakFirstSentAt[n];
            long minimum = (c.threshold - 1) * c.periodNanos;
            if (span < minimum) {
                report(Invariant.HEALTH_CHECK_DETECTION, id, "node " + id + " declared DEAD after "
                        + "a failure streak spanning " + Time.format(span) + ", less than "
                        + "(threshold - 1) x period = " + Time.format(minimum));
            }
        }
        inFlight[n] = false;
    }

    private void onKilled(int n, long now) {
        ensure(n);
        if (state.nodes.down(n) || bounds.contains(n)) {
            return;
        }
        Config c = state.config;
        long bound = killBoundNanos(c);
        if (!anySent[n]) {
            bound = Time.plus(bound, c.initialDelayNanos);
        }
        killedAt[n] = now;
        bounds.set(n, Time.plus(now, bound));
    }

    /** The longest a killed node may stay undetected: threshold x (timeout + period) + period. */
    private static long killBoundNanos(Config c) {
        return Time.plus(c.threshold * Time.plus(c.timeoutNanos, c.periodNanos), c.periodNanos);
    }

    @Override
    public void timePassed(long nowNanos) {
        while (!bounds.isEmpty() && bounds.earliest() < nowNanos) {
            int n = bounds.earliestKey();
            long due = bounds.earliest();
            bounds.remove(n);
            if (!state.nodes.down(n)) {
                int id = state.nodes.id(n);
                report(Invariant.HEALTH_CHECK_DETECTION, id, "node " + id + " killed at "
                        + Time.format(killedAt[n]) + " and still not DEAD at its detection bound "
                        + Time.format(due));
            }
        }
    }

    @Override
    public long nextDeadlineNanos() {
        return bounds.earliest();
    }

    private void ensure(int n) {
        if (n < inFlight.length) {
            return;
        }
        int size = Math.max(n + 1, inFlight.length * 2);
        inFlight = Arrays.copyOf(inFlight, size);
        anySent = Arrays.copyOf(anySent, size);
        sentAt = Arrays.copyOf(sentAt, size);
        lastOutcomeAt = Arrays.copyOf(lastOutcomeAt, size);
        failures = Arrays.copyOf(failures, size);
        streakFirstSentAt = Arrays.copyOf(streakFirstSentAt, size);
        streakLastSentAt = Arrays.copyOf(streakLastSentAt, size);
        killedAt = Arrays.copyOf(killedAt, size);
    }

    private void report(Invariant invariant, int node, String message) {
        state.verdicts.report(invariant, node, -1, -1, -1, message);
    }
}
