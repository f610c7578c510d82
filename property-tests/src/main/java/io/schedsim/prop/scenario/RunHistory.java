package io.schedsim.prop.scenario;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.event.StopReason;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistoryFormat;
import io.schedsim.history.HistorySink;
import io.schedsim.history.KillerConfigured;
import io.schedsim.history.RunStarted;
import io.schedsim.history.RunStopReason;
import io.schedsim.model.Cluster;
import io.schedsim.model.history.Convert;
import io.schedsim.monitor.Agreement;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.Monitor;
import io.schedsim.monitor.MonitorReport;
import io.schedsim.monitor.MonitorViolation;
import io.schedsim.prop.spec.RunSpec;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A run's observable history (docs/history.md) and its independent judge: every run publishes
 * its history to a {@link Monitor}, and to an extra sink when asked ({@code --history}), and the
 * monitor's verdict joins the model's online checks in the result. Violations are ordered: the
 * model's first (the shrinker and replay files key on the first), then the monitor's own, at
 * most {@link #MONITOR_LISTED_MAX}, then MON-1 when the two disagree ({@link Agreement}). A bug
 * only the monitor sees is thus filed under the rule it breaks, with the MON-1 beside it.
 *
 * <p>The hidden system property {@code schedsim.monitor=off} leaves the monitor out (for the A/B
 * measure of its cost); then, without an extra sink, the model builds no event at all.
 */
public final class RunHistory {
    /** Monitor violations copied into a run's result; the report keeps the rest. */
    public static final int MONITOR_LISTED_MAX = 100;
    /** The hidden switch of the A/B measure, read at each run so one JVM can alternate. */
    static final String MONITOR_PROPERTY = "schedsim.monitor";

    private final Simulation sim;
    private final Monitor monitor;
    private static final Set<EventType> UNREAD = Monitor.unread();

    private final HistorySink sink;
    private final HistorySink extra;
    /** Types left unbuilt: the monitor's unread ones, less those a coverage reader reads. */
    private final Set<EventType> unread;
    /** The simulation event at which each kept monitor violation was found. */
    private final LongArrayList foundAtEvent = new LongArrayList();

    private RunHistory(Simulation sim, HistorySink extra, HistorySink coverage) {
        this.sim = sim;
        this.extra = extra;
        this.monitor = "off".equals(System.getProperty(MONITOR_PROPERTY)) ? null : new Monitor();
        HistorySink readers = HistorySink.both(coverage, extra);
        this.unread = coverage == HistorySink.NONE ? UNREAD : unreadWithCoverage();
        this.sink = monitor == null ? readers : HistorySink.both(new Judge(), readers);
    }

    /** The history of a run on {@code sim}, judged by a monitor, copied to {@code extra}. */
    public static RunHistory open(Simulation sim, HistorySink extra) {
        return open(sim, extra, null);
    }

    /**
     * As {@link #open(Simulation, HistorySink)}, also read by {@code coverage}, which reads
     * only event types the monitor reads (so it changes nothing of what the model builds).
     */
    public static RunHistory open(Simulation sim, HistorySink extra, HistorySink coverage) {
        return new RunHistory(sim, extra == null ? HistorySink.NONE : extra,
                coverage == null ? HistorySink.NONE : coverage);
    }

    /** The monitor as the run's sink: a violation keeps the simulation event it was found at. */
    private final class Judge implements HistorySink {
        /** Judges the event as it happens (while it is warm). */
        @Override
        public void record(HistoryEvent event) {
            long before = monitor.violationCount();
            monitor.record(event);
            if (monitor.violationCount() != before) {
                found(monitor.violationCount() - before);
            }
        }

        /** An event left out still takes its place in the monitor's numbering. */
        @Override
        public void skipped() {
            monitor.skipped();
        }
    }

    private void found(long violations) {
        for (long k = 0; k < violations && foundAtEvent.size() < MONITOR_LISTED_MAX; k++) {
            foundAtEvent.add(Math.max(0, sim.eventCount() - 1));
        }
    }

    /**
     * Attaches the history to the cluster; call right after creating it. With no extra sink the
     * monitor is the only reader, and the events it reads nothing of are not built.
     */
    public void attach(Cluster cluster) {
        cluster.attachHistory(sink, extra == HistorySink.NONE ? unread : Set.of());
    }

    /** Guided search's coverage reads scheduler stalls, never heartbeat-sent. */
    private static Set<EventType> unreadWithCoverage() {
        Set<EventType> unread = EnumSet.copyOf(UNREAD);
        unread.remove(EventType.SCHEDULERS_STALLED);
        return unread;
    }

    /** Where the run's history goes: the monitor, then the extra sink. */
    HistorySink sink() {
        return sink;
    }

    /**
     * Writes the header (run-started, and killer-configured when the scenario's fault plan is the
     * chaos killer's); call after populating the cluster, before starting it.
     */
    public void begin(RunSpec spec, Cluster cluster, KillerConfigured killer) {
        if (sink == HistorySink.NONE) {
            return;
        }
        sink.record(new RunStarted(0, HistoryFormat.VERSION_1, spec.scenario().name(),
                spec.seed(), spec.variant().isCorrect() ? "" : spec.variant().name(),
                Convert.of(cluster.config().detector)));
        if (killer != null) {
            sink.record(killer);
        }
    }

    /**
     * Ends the history with the run's stop reason and returns, in order, the monitor's own
     * violations and MON-1 disagreements with the model's {@code modelViolations}.
     */
    public List<RunResult.Violation> finish(Cluster cluster, StopReason stop,
            List<RunResult.Violation> modelViolations) {
        cluster.endHistory(RunStopReason.valueOf(stop.name()));
        return verdict(modelViolations);
    }

    /** Closes the history and judges it beside the model's verdict; see {@link #finish}. */
    List<RunResult.Violation> verdict(List<RunResult.Violation> modelViolations) {
        sink.close();
        if (monitor == null) {
            return List.of();
        }
        MonitorReport report = monitor.finish();
        List<String> modelIds = new ArrayList<>();
        for (RunResult.Violation v : modelViolations) {
            // Every id the monitor judges too (INV-*, and rules such as N-22, R-6, R-9): a rule
            // both flag is agreement; ids only the model has (SC-*, user checks) are not compared.
            if (Invariant.byId(v.invariant()) != null) {
                modelIds.add(v.invariant());
            }
        }
        long lastEvent = Math.max(0, sim.eventCount() - 1);
        List<RunResult.Violation> out = new ArrayList<>();
        List<MonitorViolation> found = report.violations();
        for (int k = 0; k < found.size() && k < MONITOR_LISTED_MAX; k++) {
            long event = k < foundAtEvent.size() ? foundAtEvent.getLong(k) : lastEvent;
            out.add(of(found.get(k), RunResult.Violation.MONITOR, event));
        }
        for (MonitorViolation v : Agreement.compare(modelIds, report)) {
            out.add(of(v, RunResult.Violation.AGREEMENT, lastEvent));
        }
        return out;
    }

    private static RunResult.Violation of(MonitorViolation v, String source, long event) {
        return new RunResult.Violation(v.invariant().id(), SimTime.toMillis(v.atNanos()), event,
                v.message(), source, v.seq(), id(v.node()), id(v.alloc()),
                v.task() == MonitorViolation.NONE ? null : v.task(), id(v.job()));
    }

    private static Integer id(int id) {
        return id == MonitorViolation.NONE ? null : id;
    }
}
