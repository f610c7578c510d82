package io.schedsim.prop.notebook;

import io.schedsim.core.metrics.LatencyRecorder;
import io.schedsim.core.metrics.PercentileSummary;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** One finished run: its result, its final cluster and fault ledger, and short readings of both. */
public final class ScenarioRun {
    private final RunOutcome outcome;

    ScenarioRun(RunOutcome outcome) {
        this.outcome = outcome;
    }

    /** The result, exactly as {@code schedsim run --json} prints it. */
    public RunResult result() {
        return outcome.result();
    }

    /** The result plus the final cluster, the fault plan and the fault ledger. */
    public RunOutcome outcome() {
        return outcome;
    }

    public String traceHash() {
        return result().traceHash();
    }

    public List<RunResult.Violation> violations() {
        return result().violations();
    }

    public boolean violated() {
        return result().violated();
    }

    /** Count, p50, p99, p99.9 and max of a latency histogram, in milliseconds. */
    public PercentileSummary latency(String name) {
        return outcome.cluster().sim().metrics().summary(name);
    }

    /** A copy of a latency histogram (empty if the run recorded none). */
    public Histogram histogram(String name) {
        LatencyRecorder recorder = outcome.cluster().sim().metrics().recorders().get(name);
        return recorder == null ? new Histogram(2) : recorder.toHistogram();
    }

    /**
     * A few lines: what ran, its trace hash, faults, tasks (failed and pending too: a run whose
     * tasks failed must not read like a clean one), latencies and violations.
     */
    public Text report() {
        RunResult r = result();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s seed %d%s: trace %s, %,d events, %.3f s "
                + "simulated%n", r.scenario(), r.seed(), r.variant() == null ? ""
                : " variant " + r.variant(), r.traceHash(), r.events(),
                r.simulatedMillis() / 1000.0));
        text.append(String.format(Locale.ROOT, "  nodes %d (%d killed, %d down, %d drained); "
                + "faults %d planned, fired %s%n", r.nodes().total(), r.nodes().killed(),
                r.nodes().down(), r.nodes().drained(), r.faults().planned(), r.faults().fired()));
        if (r.tasks().submitted() > 0) {
            text.append(String.format(Locale.ROOT, "  tasks %,d submitted, %,d completed, %,d "
                    + "failed, %,d pending; %,d lost attempts, %,d retries%n",
                    r.tasks().submitted(), r.tasks().completed(), r.tasks().failed(),
                    r.tasks().pending(), r.tasks().lost(), r.tasks().retries()));
        }
        r.latencyMillis().forEach((name, s) -> {
            if (s.count() > 0) {
                text.append(String.format(Locale.ROOT, "  %s ms: n=%d p50=%d p99=%d max=%d%n",
                        name, s.count(), s.p50(), s.p99(), s.max()));
            }
        });
        if (r.violations().isEmpty()) {
            text.append("  no violations\n");
        }
        for (RunResult.Violation v : r.violations()) {
            text.append(String.format(Locale.ROOT, "  %s at %.3f s: %s%n", v.invariant(),
                    v.atMillis() / 1000.0, v.message()));
        }
        return new Text(text.toString());
    }

    @Override
    public String toString() {
        return report().text();
    }
}
