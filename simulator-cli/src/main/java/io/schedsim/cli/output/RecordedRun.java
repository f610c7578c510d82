package io.schedsim.cli.output;

import io.schedsim.cli.timeline.PerfettoTrace;
import io.schedsim.cli.timeline.TimelineHtml;
import io.schedsim.core.trace.JsonlTraceSink;
import io.schedsim.core.trace.TraceSink;
import io.schedsim.history.HistorySink;
import io.schedsim.history.jsonl.HistoryWriter;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One run with its optional {@code --trace}, {@code --timeline}, {@code --perfetto} and
 * {@code --history} files: all are checked before the run starts, written to temp files, and
 * moved into place only if the run completes. The runner gets the trace sink (null without
 * {@code --trace}) and the history sink ({@link HistorySink#NONE} without {@code --history}).
 */
public final class RecordedRun {
    private RecordedRun() {}

    /** Where a run's files go; each path may be null. */
    public record Files(String tracePath, String timelinePath, String perfettoPath,
            String historyPath) {}

    /** Runs one simulation with the sinks of the files asked for. */
    @FunctionalInterface
    public interface Runner {
        RunOutcome run(TraceSink trace, HistorySink history);
    }

    public static RunOutcome run(Runner runner, Files files) {
        List<OutputFile> prepared = new ArrayList<>();
        try {
            OutputFile trace = prepare(prepared, "--trace", files.tracePath());
            OutputFile timeline = prepare(prepared, "--timeline", files.timelinePath());
            OutputFile perfetto = prepare(prepared, "--perfetto", files.perfettoPath());
            OutputFile history = prepare(prepared, "--history", files.historyPath());
            Function<TraceSink, RunOutcome> traced = history == null
                    ? sink -> runner.run(sink, HistorySink.NONE)
                    : sink -> runWithHistory(runner, sink, history);
            RunOutcome outcome = trace == null ? traced.apply(null)
                    : runWithTrace(traced, trace.temp(), trace.openStream());
            if (timeline != null) {
                timeline.writeString(TimelineHtml.render(outcome));
            }
            if (perfetto != null) {
                perfetto.writeString(PerfettoTrace.render(outcome));
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
    private static RunOutcome runWithHistory(Runner runner, TraceSink trace, OutputFile file) {
        try (OutputStream out = file.openStream()) {
            RunOutcome outcome = runner.run(trace, new HistoryWriter(out));
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
