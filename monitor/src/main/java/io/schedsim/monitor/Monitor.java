package io.schedsim.monitor;

import io.schedsim.history.ActorTaskChanged;
import io.schedsim.history.ActorTaskSubmitted;
import io.schedsim.history.EventType;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckSent;
import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import io.schedsim.history.RunStopReason;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import io.schedsim.monitor.state.Verdicts;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The independent monitor: judges every rule it can from a run's observable history alone, with
 * its own minimal state, sharing no code with the model and trusting none of its flags (a drain
 * deadline is reached when the monitor's clock says so; eligibility changes need an operator
 * call to explain them; a detection needs a fault to excuse it).
 *
 * <p>Use: create one monitor per history, feed it every event in order with {@link #record}
 * (it is a {@link HistorySink}, so it can sit beside the model as it runs, or read a file), then
 * call {@link #finish} once. {@link #finish} closes the last instant, judges the liveness
 * invariants if the history ended with a run-ended after a normal stop, and returns the report;
 * after it, {@link #record} throws. {@link #violations} may be read at any time, for example to
 * stop a run at the first violation.
 *
 * <p>Judgement is online: a safety violation is reported at the event that reveals it, stamped
 * with that event's position ({@code seq}, counted here from 0) and time. Obligations of "the
 * same step" (a placement's reservation, a drain's final marks) are judged when the history moves
 * to a later instant; deadlines (a TTL expiry, a detection bound) when the monitor's clock passes
 * them. Events that name unknown ids are reported (MON-2) and otherwise ignored.
 *
 * <p>Caveats: single-threaded, not thread-safe; deterministic (no wall clock, no randomness,
 * no hash-ordered iteration), so the same history always gives the same report. Per event the
 * cost is one resolution of its ids (a hash lookup or two) and the few guards that judge its
 * type (a table by type: 0 to 5 guards); an instant's end calls only the guards that saw one of
 * its events ({@link GuardLayout}); see docs/history.md for the measured cost.
 */
public final class Monitor implements HistorySink {
    private final Verdicts verdicts = new Verdicts();
    private final State state = new State(verdicts);
    private final Guard[] guards = Guards.all(state);
    private final GuardLayout layout = GuardLayout.OF_GUARDS;
    private final HotPath hot = new HotPath(state, guards, layout);
    /** The guards with step obligations that saw an event of the current instant. */
    private long touchedSteps;
    /** By guard index: no deadline of the guard falls at or before it; the least of them. */
    private final long[] nextDeadline = never(guards.length);
    private long nextDeadlineMin = Time.NEVER;
    private long seq;
    private long instantNanos = Time.NOT_YET;
    private MonitorReport report;

    /**
     * The event types the monitor reads nothing of: no guard judges them and its state ignores
     * them (heartbeat-sent: N-25 is not judged, docs/history.md §3.4). A producer feeding only a
     * monitor may leave them out, calling {@link #skipped} in their place; their ids then go
     * unchecked (MON-2).
     */
    public static Set<EventType> unread() {
        Set<EventType> unread = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (GuardLayout.OF_GUARDS.byType[type.ordinal()].length == 0
                    && State.STATELESS.contains(type)) {
                unread.add(type);
            }
        }
        return unread;
    }

    /** Judges {@code events} as one history and returns the report. */
    public static MonitorReport check(Iterable<? extends HistoryEvent> events) {
        Monitor monitor = new Monitor();
        for (HistoryEvent event : events) {
            monitor.record(event);
        }
        return monitor.finish();
    }

    /** Judges the next event of the history. */
    @Override
    public void record(HistoryEvent event) {
        // The history's most frequent types are recognised by their class (a pointer compare,
        // records being final) and read directly: asking an event its type and time otherwise
        // takes two calls through the interface, the largest single cost of a cheap event.
        if (event instanceof HealthCheckSent e) {
            record(e, EventType.HEALTH_CHECK_SENT, e.atNanos());
        } else if (event instanceof HealthCheckAnswered e) {
            record(e, EventType.HEALTH_CHECK_ANSWERED, e.atNanos());
        } else if (event instanceof ActorTaskChanged e) {
            record(e, EventType.ACTOR_TASK_CHANGED, e.atNanos());
        } else if (event instanceof HeartbeatReceived e) {
            record(e, EventType.HEARTBEAT_RECEIVED, e.atNanos());
        } else if (event instanceof TaskAttemptChanged e) {
            record(e, EventType.TASK_ATTEMPT_CHANGED, e.atNanos());
        } else if (event instanceof ActorTaskSubmitted e) {
            record(e, EventType.ACTOR_TASK_SUBMITTED, e.atNanos());
        } else {
            record(event, event.type(), event.atNanos());
        }
    }

    /** Judges {@code event}, of type {@code kind} at {@code at}. */
    private void record(HistoryEvent event, EventType kind, long at) {
        if (report != null) {
            throw new IllegalStateException("monitor already finished at event " + seq);
        }
        verdicts.position(seq, at);
        if (seq == 0 && kind != EventType.RUN_STARTED) {
            verdicts.report(Invariant.HISTORY_INCONSISTENT, -1, -1, -1, -1, "the history starts"
                    + " with " + kind.jsonName() + ", not run-started");
        }
        if (at < instantNanos) {
            verdicts.report(Invariant.HISTORY_INCONSISTENT, -1, -1, -1, -1, "time goes back "
                    + "from " + instantNanos + " to " + at + " ns");
            seq++;
            return;
        }
        if (at > instantNanos) {
            advance(at);
        }
        if (hot.record(event, kind, at)) {
            long deadlines = layout.deadlineMaskByType[kind.ordinal()];
            if (deadlines != 0) {
                refreshDeadlines(deadlines);
            }
        } else if (state.resolve(event, kind, at)) {
            int type = kind.ordinal();
            for (int g : layout.beforeByType[type]) {
                guards[g].before(event);
            }
            state.apply(event, kind);
            for (int g : layout.afterByType[type]) {
                guards[g].after(event);
            }
            touchedSteps |= layout.stepMaskByType[type];
            long deadlines = layout.deadlineMaskByType[type];
            if (deadlines != 0) {
                refreshDeadlines(deadlines);
            }
        }
        seq++;
    }

    private static long[] never(int length) {
        long[] times = new long[length];
        Arrays.fill(times, Time.NEVER);
        return times;
    }

    private void refreshDeadlines(long mask) {
        for (long m = mask; m != 0; m &= m - 1) {
            int g = Long.numberOfTrailingZeros(m);
            nextDeadline[g] = guards[g].nextDeadlineNanos();
        }
        long min = Time.NEVER;
        for (int g : layout.deadlineGuards) {
            min = Math.min(min, nextDeadline[g]);
        }
        nextDeadlineMin = min;
    }

    private void advance(long at) {
        if (instantNanos != Time.NOT_YET) {
            endInstant(touchedSteps);
        }
        instantNanos = at;
        if (nextDeadlineMin < at) {
            for (int g : layout.deadlineGuards) {
                guards[g].timePassed(at);
            }
            refreshDeadlines(layout.deadlineMask);
        }
    }

    /**
     * Closes the current instant for the step guards in {@code mask}, in guard order: a guard
     * that saw none of the instant's events has no obligation of it.
     */
    private void endInstant(long mask) {
        touchedSteps = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            guards[Long.numberOfTrailingZeros(m)].endOfInstant(instantNanos);
        }
    }

    /**
     * Ends the history: judges the last instant's obligations and, for a settled run, the
     * liveness invariants. Idempotent: later calls return the same report.
     */
    public MonitorReport finish() {
        if (report != null) {
            return report;
        }
        long end = Math.max(instantNanos, 0);
        verdicts.position(Math.max(seq - 1, 0), end);
        if (instantNanos != Time.NOT_YET) {
            endInstant(layout.stepMask);
        }
        RunStopReason stop = state.config.stopReason;
        boolean settled = stop == RunStopReason.QUEUE_EMPTY || stop == RunStopReason.TIME_LIMIT
                || stop == RunStopReason.CONDITION;
        for (Guard guard : guards) {
            guard.finish(end, settled);
        }
        report = new MonitorReport(seq, verdicts.violations(), verdicts.violationCount(),
                verdicts.skips());
        return report;
    }

    /** HistorySink: same as {@link #finish}. */
    @Override
    public void close() {
        finish();
    }

    /** Violations found so far, in order. */
    public List<MonitorViolation> violations() {
        return verdicts.violations();
    }

    /** True once any violation was found. */
    public boolean violated() {
        return verdicts.violationCount() > 0;
    }

    /**
     * HistorySink: an event of a type the monitor reads nothing of ({@link #unread()}) was left
     * out; it still takes its place, so each violation's {@code seq} is the full history's.
     */
    @Override
    public void skipped() {
        seq++;
    }

    /** Violations found so far, including any beyond those kept. */
    public long violationCount() {
        return verdicts.violationCount();
    }

    /** Events seen so far. */
    public long events() {
        return seq;
    }
}
