package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.EventType;
import io.schedsim.history.HealthChecksChanged;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.booleans.BooleanArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * N-13 (and N-12's healthy_deadline), from Nomad's health hook
 * (client/allocrunner/health_hook.go): the deadline is armed when the alloc runner starts, after
 * the placement and before the tasks run, and an allocation not healthy by then is set unhealthy;
 * the tasks start after the placement reaches the client and the allocation is healthy only once
 * they have run for min_healthy_time. So an allocation of a group whose min_healthy_time is not
 * below its healthy_deadline is never healthy (a client ignoring the deadline reports it
 * healthy), none is healthy before its placement + min_healthy_time (a client skipping the wait)
 * and none unhealthy before its placement + healthy_deadline. Both waits run on the node's clock,
 * so a node whose clock drifted or jumped is not judged on the last two rules. And a service
 * allocation whose checks fail (health-checks-changed, the fault unhealthy-allocs: its start,
 * between its placement and the servers' receipt of RUNNING, fell wholly inside a failing window
 * of its node or of every node) is never reported healthy (client/allochealth/tracker.go: a
 * critical check keeps it unhealthy until healthy_deadline).
 */
public final class HealthDeadlineGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ALLOC_PLACED,
            EventType.ALLOC_HEALTH_SET, EventType.CLOCK_DRIFT_CHANGED, EventType.CLOCK_JUMPED,
            EventType.HEALTH_CHECKS_CHANGED, EventType.ALLOC_CLIENT_CHANGED);
    /** Channel index of "every node" in {@link #failingEpoch}. */
    private static final int EVERY_NODE = 0;

    private final State state;
    /** Placement time by allocation index. */
    private final LongArrayList placedAt = new LongArrayList();
    /** Node indices whose clock was ever off true time. */
    private final BooleanArrayList clockOff = new BooleanArrayList();
    /**
     * Per failing-checks channel (0: every node, n + 1: node index n): whether checks fail now,
     * and a counter bumped at every change, so a window that held without a break is known.
     */
    private final BooleanArrayList failing = new BooleanArrayList();
    private final IntArrayList failingEpoch = new IntArrayList();
    /** Per allocation index: the channel and epoch failing at its placement, or -1. */
    private final IntArrayList failingChannelAtPlace = new IntArrayList();
    private final IntArrayList failingEpochAtPlace = new IntArrayList();
    /** Allocations whose checks fail: they must never be reported healthy. */
    private final BooleanArrayList checksFail = new BooleanArrayList();

    public HealthDeadlineGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void after(HistoryEvent event) {
        switch (event.type()) {
            case ALLOC_PLACED -> {
                int a = state.allocIndex;
                while (placedAt.size() <= a) {
                    placedAt.add(Time.NEVER);
                }
                placedAt.set(a, ((AllocPlaced) event).atNanos());
                notePlacedUnderFailingChecks(a);
            }
            case HEALTH_CHECKS_CHANGED -> {
                HealthChecksChanged e = (HealthChecksChanged) event;
                int channel = e.node() < 0 ? EVERY_NODE : state.nodeIndex + 1;
                grow(channel);
                if (failing.getBoolean(channel) != e.failing()) {
                    failing.set(channel, e.failing());
                    failingEpoch.set(channel, failingEpoch.getInt(channel) + 1);
                }
            }
            case ALLOC_CLIENT_CHANGED -> {
                int a = state.allocIndex;
                if (((AllocClientChanged) event).client() == ClientStatus.RUNNING
                        && a < failingChannelAtPlace.size()
                        && failingChannelAtPlace.getInt(a) >= 0) {
                    int channel = failingChannelAtPlace.getInt(a);
                    boolean unbroken = failing.getBoolean(channel)
                            && failingEpoch.getInt(channel) == failingEpochAtPlace.getInt(a);
                    while (checksFail.size() <= a) {
                        checksFail.add(false);
                    }
                    checksFail.set(a, checksFail.getBoolean(a) || unbroken);
                    failingChannelAtPlace.set(a, -1);
                }
            }
            case CLOCK_DRIFT_CHANGED, CLOCK_JUMPED -> {
                int n = state.nodeIndex;
                while (clockOff.size() <= n) {
                    clockOff.add(false);
                }
                clockOff.set(n, true);
            }
            default -> {
                // alloc-health-set is judged before it applies
            }
        }
    }

    @Override
    public void before(HistoryEvent event) {
        if (!(event instanceof AllocHealthSet e)) {
            return;
        }
        int a = state.allocIndex;
        JobRegistered spec = state.jobs.spec(state.allocs.job(a));
        long minHealthy = spec.minHealthyTimeMillis();
        long deadline = spec.healthyDeadlineMillis();
        if (e.healthy() && minHealthy >= deadline) {
            report(a, "allocation " + e.alloc() + " reported healthy although its job's "
                    + "min_healthy_time " + minHealthy + " ms is not below its healthy_deadline "
                    + deadline + " ms");
        }
        if (e.healthy() && a < checksFail.size() && checksFail.getBoolean(a)) {
            report(a, "allocation " + e.alloc() + " reported healthy although it started while"
                    + " its node's health checks failed (unhealthy-allocs)");
        }
        int n = state.allocs.node(a);
        boolean judged = a < placedAt.size() && (n >= clockOff.size() || !clockOff.getBoolean(n));
        if (!judged) {
            return;
        }
        long earliest = Time.plus(placedAt.getLong(a),
                Time.millis(e.healthy() ? minHealthy : deadline));
        if (e.atNanos() < earliest) {
            report(a, "allocation " + e.alloc() + " reported "
                    + (e.healthy() ? "healthy" : "unhealthy") + " at " + Time.format(e.atNanos()) + ", before its placement + "
                    + (e.healthy() ? "min_healthy_time" : "healthy_deadline") + " ("
                    + Time.format(earliest) + ")");
        }
    }

    /** A service allocation placed while its node's (or every node's) checks fail. */
    private void notePlacedUnderFailingChecks(int a) {
        while (failingChannelAtPlace.size() <= a) {
            failingChannelAtPlace.add(-1);
            failingEpochAtPlace.add(0);
        }
        if (state.jobs.type(state.allocs.job(a)) != JobType.SERVICE) {
            return;
        }
        int nodeChannel = state.allocs.node(a) + 1;
        grow(nodeChannel);
        int channel = failing.getBoolean(EVERY_NODE) ? EVERY_NODE
                : failing.getBoolean(nodeChannel) ? nodeChannel : -1;
        if (channel >= 0) {
            failingChannelAtPlace.set(a, channel);
            failingEpochAtPlace.set(a, failingEpoch.getInt(channel));
        }
    }

    private void grow(int channel) {
        while (failing.size() <= channel) {
            failing.add(false);
            failingEpoch.add(0);
        }
    }

    private void report(int a, String message) {
        state.verdicts.report(Invariant.HEALTH_DEADLINE, state.nodes.id(state.allocs.node(a)),
                state.allocs.id(a), -1, state.jobs.id(state.allocs.job(a)), message);
    }
}
