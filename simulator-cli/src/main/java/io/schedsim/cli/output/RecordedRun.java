package io.schedsim.cli.output;

import io.schedsim.cli.timeline.PerfettoTrace;
import io.schedsim.cli.timeline.TaskOccupancy;
import io.schedsim.cli.timeline.TimelineHtml;
import io.schedsim.core.trace.JsonlTraceSink;
import io.schedsim.core.trace.TraceSink;
import io.schedsim.history.jsonl.HistoryWriter;
import io.schedsim.model.Cluster;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run with its optional {@code --trace}, {@code --timeline}, {@code --perfetto} and
 * {@code --history} files: all are checked before the run starts, written to temp files, and
 * moved into place only if the run completes. The runner gets {@link RunOptions} with the trace
 * sink (null without {@code --trace}), the lease recorder a picture needs, and the history sink
 * (null without {@code --history}).
 */
public final class RecordedRun {
    private RecordedRun() {}

    /** Where a run's files go; each path may be null. */
    public record Files(String tracePath, String timelinePath, String perfettoPath,
            String historyPath) {}

    /**
     * One run with {@code options}: a trace sink, a hook that sees the started cluster and a
     * history sink, each set only when its file is asked for.
     */
    @FunctionalInterface
    public interface Runner {
        RunOutcome run(RunOptions options);
    }

    public static RunOutcome run(Runner runner, Files files) {
        List<OutputFile> prepared = new ArrayList<>();
        try {
            OutputFile trace = prepare(prepared, "--trace", files.tracePath());
            OutputFile timeline = prepare(prepared, "--timeline", files.timelinePath());
            OutputFile perfetto = prepare(prepared, "--perfetto", files.perfettoPath());
            OutputFile history = prepare(prepared, "--history", files.historyPath());
            // Leases are recorded only for a picture; a plain run pays nothing for them.
            TaskOccupancy occupancy = timeline == null && perfetto == null ? null
                    : new TaskOccupancy();
            Consumer<Cluster> onStart = occupancy == null ? null : occupancy::install;
            RunOptions options = RunOptions.NONE.withOnStart(onStart);
            Function<TraceSink, RunOutcome> traced = history == null
                    ? sink -> runner.run(options.withTrace(sink))
                    : sink -> runWithHistory(runner, options.withTrace(sink), history);
            RunOutcome outcome = trace == null ? traced.apply(null)
                    : runWithTrace(traced, trace.temp(), trace.openStream());
            if (timeline != null) {
                timeline.writeString(TimelineHtml.render(outcome, occupancy));
            }
            if (perfetto != null) {
                perfetto.writeString(PerfettoTrace.render(outcome, occupancy));
            }
            for (OutputFile file : prepared) {
                file.commit();
            }
            return outcome;
        } finally {
            prepared.forEach(OutputFile::close);
        }
    }

    /** Prepares {@code pathText} unless it is null; no two options may name the same file. */
    private static OutputFile prepare(List<OutputFile> prepared, String option, String pathText) {
        if (pathText == null) {
            return null;
        }
        OutputFile file = OutputFile.prepare(option, pathText);
        prepared.add(file);
        for (OutputFile other : prepared) {
            if (other != file && other.target().equals(file.target())) {
                throw new InputException(option + ": same file as " + other.option() + ": "
                        + pathText);
            }
        }
        return file;
    }

    /** Runs with the JSONL history (docs/history.md) written to {@code file}'s temp file. */
    private static RunOutcome runWithHistory(Runner runner, RunOptions options, OutputFile file) {
        try (OutputStream out = file.openStream()) {
            RunOutcome outcome = runner.run(options.withHistory(new HistoryWriter(out)));
            out.flush();
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException("writing history " + file.temp() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs with a JSONL trace written to {@code stream}, which is closed afterwards. */
    public static <T> T runWithTrace(Function<TraceSink, T> runner, Path tracePath,
            OutputStream stream) {
        try (OutputStream out = stream) {
            FinishOnceSink sink = new FinishOnceSink(new JsonlTraceSink(out));
            T result = runner.apply(sink);
            sink.finish();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("writing trace " + tracePath + ": " + e.getMessage(), e);
        }
    }
}
