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
 * N-13's lower bound on healthy (N-12, client/allocrunner/health_hook.go): the tasks start after
 * the placement reaches the client, and the allocation is healthy only once they have run for
 * min_healthy_time, so no allocation is healthy before its placement + min_healthy_time. A client
 * that skips the wait passes {@link HealthDeadlineGuard}, which judges only the deadline. The
 * wait runs on the node's clock, so a node whose clock drifted or jumped is not judged.
 */
public final class MinHealthyTimeGuard implements Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ALLOC_PLACED,
            EventType.ALLOC_HEALTH_SET, EventType.CLOCK_DRIFT_CHANGED, EventType.CLOCK_JUMPED);

    private final State state;
    /** Placement time by allocation index. */
    private final LongArrayList placedAt = new LongArrayList();
    /** Node indices whose clock was ever off true time. */
    private final BooleanArrayList clockOff = new BooleanArrayList();

    public MinHealthyTimeGuard(State state) {
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
        if (!(event instanceof AllocHealthSet e) || !e.healthy()) {
            return;
        }
        int a = state.allocIndex;
        int n = state.allocs.node(a);
        if (a >= placedAt.size() || (n < clockOff.size() && clockOff.getBoolean(n))) {
            return;
        }
        JobRegistered spec = state.jobs.spec(state.allocs.job(a));
        long earliest = Time.plus(placedAt.getLong(a), Time.millis(spec.minHealthyTimeMillis()));
        if (e.atNanos() < earliest) {
            state.verdicts.report(Invariant.HEALTH_DEADLINE, state.nodes.id(n),
                    state.allocs.id(a), -1, state.jobs.id(state.allocs.job(a)), "allocation "
                            + e.alloc() + " reported healthy at " + Time.format(e.atNanos())
                            + ", before its placement + min_healthy_time ("
                            + Time.format(earliest) + ")");
        }
    }
}
