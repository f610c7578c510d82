package io.schedsim.monitor;

import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import io.schedsim.history.RunStarted;
import io.schedsim.history.RunStopReason;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import io.schedsim.monitor.state.Verdicts;
import java.util.ArrayList;
import java.util.List;

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
 * type (a table by type: 0 to 5 guards); see docs/history.md for the measured cost.
 */
public final class Monitor implements HistorySink {
    private final Verdicts verdicts = new Verdicts();
    private final State state = new State(verdicts);
    private final Guard[] guards = Guards.all(state);
    /** The guards of each event type, by ordinal, in {@link Guards}' order. */
    private final Guard[][] guardsByType = byType(guards);
    private final Guard[] stepGuards = select(guards, true);
    private final Guard[] deadlineGuards = select(guards, false);
    private long seq;
    private long instantNanos = Time.NOT_YET;
    private MonitorReport report;

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
        if (report != null) {
            throw new IllegalStateException("monitor already finished at event " + seq);
        }
        long at = event.atNanos();
        verdicts.position(seq, at);
        if (seq == 0 && !(event instanceof RunStarted)) {
            verdicts.report(Invariant.HISTORY_INCONSISTENT, -1, -1, -1, -1, "the history starts"
                    + " with " + event.type().jsonName() + ", not run-started");
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
        if (state.resolve(event)) {
            Guard[] concerned = guardsByType[event.type().ordinal()];
            for (Guard guard : concerned) {
                guard.before(event);
            }
            state.apply(event);
            for (Guard guard : concerned) {
                guard.after(event);
            }
        }
        seq++;
    }

    private void advance(long at) {
        if (instantNanos != Time.NOT_YET) {
            for (Guard guard : stepGuards) {
                guard.endOfInstant(instantNanos);
            }
        }
        instantNanos = at;
        for (Guard guard : deadlineGuards) {
            guard.timePassed(at);
        }
    }

    private static Guard[][] byType(Guard[] guards) {
        EventType[] types = EventType.values();
        Guard[][] table = new Guard[types.length][];
        for (EventType type : types) {
            List<Guard> concerned = new ArrayList<>();
            for (Guard guard : guards) {
                if (guard.events().contains(type)) {
                    concerned.add(guard);
                }
            }
            table[type.ordinal()] = concerned.toArray(new Guard[0]);
        }
        return table;
    }

    private static Guard[] select(Guard[] guards, boolean steps) {
        List<Guard> selected = new ArrayList<>();
        for (Guard guard : guards) {
            if (steps ? guard.judgesSteps() : guard.judgesDeadlines()) {
                selected.add(guard);
            }
        }
        return selected.toArray(new Guard[0]);
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
            for (Guard guard : stepGuards) {
                guard.endOfInstant(instantNanos);
            }
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

    /** Violations found so far, including any beyond those kept. */
    public long violationCount() {
        return verdicts.violationCount();
    }

    /** Events seen so far. */
    public long events() {
        return seq;
    }
}
