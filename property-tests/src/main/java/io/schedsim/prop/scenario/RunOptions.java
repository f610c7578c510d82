package io.schedsim.prop.scenario;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.history.HistorySink;
import io.schedsim.model.Cluster;
import java.util.function.Consumer;

/**
 * How to run a spec, beyond what the run is: where its events go, who sees the started cluster,
 * and whether its plan came from a file. None of it changes the run's trace hash.
 *
 * @param traceSink receives every event and is finished at the end; null: none
 * @param onStart sees the started cluster before its first event (a built-in scenario's model
 *     cluster; others ignore it), to install observers that must not change the run; null: none
 * @param planFromFile an explicit plan came from a file: one naming a node the run does not have
 *     is an {@link InputException}, not actions skipped at fire time
 * @param history receives the run's observable history (docs/history.md) and is closed at the
 *     end, beside the monitor that judges every run; null: none. Only a scenario that
 *     {@link Scenario#writesHistory()} accepts one.
 * @param coverage also reads the history, but only event types the monitor reads ({@code
 *     Monitor.unread()} stays unbuilt): guided search's measure of what a run reached; null: none.
 *     A scenario that writes no history leaves it empty.
 */
public record RunOptions(TraceSink traceSink, Consumer<Cluster> onStart, boolean planFromFile,
        HistorySink history, HistorySink coverage) {
    /** No trace, no observer, a plan the search derived, no history file. */
    public static final RunOptions NONE = new RunOptions(null, null, false, null, null);

    /** Options without a history sink. */
    public RunOptions(TraceSink traceSink, Consumer<Cluster> onStart, boolean planFromFile) {
        this(traceSink, onStart, planFromFile, null, null);
    }

    /** Options without a coverage reader. */
    public RunOptions(TraceSink traceSink, Consumer<Cluster> onStart, boolean planFromFile,
            HistorySink history) {
        this(traceSink, onStart, planFromFile, history, null);
    }

    public RunOptions withTrace(TraceSink sink) {
        return new RunOptions(sink, onStart, planFromFile, history, coverage);
    }

    public RunOptions withOnStart(Consumer<Cluster> observer) {
        return new RunOptions(traceSink, observer, planFromFile, history, coverage);
    }

    /** These options, for a plan read from a file. */
    public RunOptions fromFile() {
        return new RunOptions(traceSink, onStart, true, history, coverage);
    }

    /** These options with the run's history also written to {@code sink} (null: none). */
    public RunOptions withHistory(HistorySink sink) {
        return new RunOptions(traceSink, onStart, planFromFile, sink, coverage);
    }

    /** These options with the run's history also read by {@code reader} (null: none). */
    public RunOptions withCoverage(HistorySink reader) {
        return new RunOptions(traceSink, onStart, planFromFile, history, reader);
    }
}
