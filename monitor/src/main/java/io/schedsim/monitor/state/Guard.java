package io.schedsim.monitor.state;

import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import java.util.Set;

/**
 * One concern of the monitor: a few rules, judged from the shared {@link State} and the guard's
 * own minimal state, with violations reported to {@link Verdicts}.
 *
 * <p>Contract: the monitor calls, for every event of a type in {@link #events()}, in history
 * order, {@link #before} (the state does not show the event yet), then applies the event to the
 * state, then {@link #after}; a guard sees no event of another type. Before
 * the first event of a later instant it calls {@link #endOfInstant} for the instant just closed
 * (obligations of "the same step", e.g. a placement's reservation) and then {@link #timePassed}
 * with the new time (deadlines that have passed), each only if the guard says it
 * {@link #judgesSteps()} or {@link #judgesDeadlines()}. {@link #finish} is called once, after
 * the last event. Event ids are resolved to indices in {@link State} before {@link #before}; an event that
 * names something unknown never reaches a guard. Guards never throw, never read the wall clock
 * and keep per-event work to a switch and a few array reads.
 *
 * <p>An abstract class rather than an interface: the monitor calls guards from arrays, where the
 * receiver's class varies call by call, and a virtual call there costs less than an interface
 * call (measured: the monitor's share of a sweep fell by about a tenth).
 */
public abstract class Guard {
    /** The event types this guard judges; fixed for the guard's life. */
    public abstract Set<EventType> events();

    /**
     * Of {@link #events()}, those that may move this guard's deadlines
     * ({@link #nextDeadlineNanos}); all of them unless the guard narrows it.
     */
    public Set<EventType> deadlineEvents() {
        return events();
    }

    /** True if {@link #endOfInstant} has work: obligations of the same step. */
    public boolean judgesSteps() {
        return false;
    }

    /** True if {@link #timePassed} has work: deadlines on the monitor's clock. */
    public boolean judgesDeadlines() {
        return false;
    }

    /** The state before {@code event} applies. */
    public void before(HistoryEvent event) {}

    /** The state after {@code event} applied. */
    public void after(HistoryEvent event) {}

    /** Every event at {@code instantNanos} has been seen. */
    public void endOfInstant(long instantNanos) {}

    /** The monitor's clock moved on to {@code nowNanos}; deadlines before it have passed. */
    public void timePassed(long nowNanos) {}

    /**
     * For a guard that {@link #judgesDeadlines()}: a time at or before its first deadline, so
     * that {@link #timePassed} has nothing to do for a clock at or before it ({@link Time#NEVER}
     * when it has none; a guard that judges deadlines must override this, or it is never asked). The monitor asks after each event of the guard and each
     * {@link #timePassed}, and skips the guard until its clock passes the answer.
     */
    public long nextDeadlineNanos() {
        return Time.NEVER;
    }

    /**
     * The history ended at {@code endNanos}. {@code settled} is true when it ended with a
     * run-ended after a normal stop, the only shape in which liveness is judged.
     */
    public void finish(long endNanos, boolean settled) {}
}
