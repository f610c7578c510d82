package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobRegistered;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.booleans.BooleanArrayList;
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
 * so a node whose clock drifted or jumped is not judged on the last two rules.
 */
public final class HealthDeadlineGuard implements Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ALLOC_PLACED,
            EventType.ALLOC_HEALTH_SET, EventType.CLOCK_DRIFT_CHANGED, EventType.CLOCK_JUMPED);

    private final State state;
    /** Placement time by allocation index. */
    private final LongArrayList placedAt = new LongArrayList();
    /** Node indices whose clock was ever off true time. */
    private final BooleanArrayList clockOff = new BooleanArrayList();

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

    private void report(int a, String message) {
        state.verdicts.report(Invariant.HEALTH_DEADLINE, state.nodes.id(state.allocs.node(a)),
                state.allocs.id(a), -1, state.jobs.id(state.allocs.job(a)), message);
    }
}
