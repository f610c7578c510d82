package io.schedsim.cli.output;

import io.schedsim.cli.report.TimelineHtml;
import io.schedsim.core.trace.JsonlTraceSink;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.ScenarioDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One run with its optional {@code --trace} and {@code --timeline} files: both are checked before
 * the run starts, written to temp files during it, and moved into place only if it completes.
 */
public final class RecordedRun {
    private RecordedRun() {}

    /** Runs {@code request}; {@code tracePath} and {@code timelinePath} may each be null. */
    public static RunResult run(ScenarioDefinition scenario, RunRequest request, String tracePath,
            String timelinePath) {
        try (OutputFile trace = tracePath == null ? null : OutputFile.prepare("--trace", tracePath);
                OutputFile timeline = timelinePath == null ? null
                        : OutputFile.prepare("--timeline", timelinePath)) {
            if (trace != null && timeline != null && trace.target().equals(timeline.target())) {
                throw new InputException("--timeline: same file as --trace: " + timelinePath);
            }
            RunResult result = trace == null ? scenario.run(request, null)
                    : runWithTrace(scenario, request, trace);
            if (timeline != null) {
                timeline.writeString(TimelineHtml.render(result));
            }
            if (trace != null) {
                trace.commit();
            }
            if (timeline != null) {
                timeline.commit();
            }
            return result;
        }
    }

    private static RunResult runWithTrace(ScenarioDefinition scenario, RunRequest request,
            OutputFile trace) {
        return runWithTrace(scenario, request, trace.temp(), trace.openStream());
    }

    /** Runs {@code request} with a JSONL trace written to {@code stream}, which is closed after. */
    public static RunResult runWithTrace(ScenarioDefinition scenario, RunRequest request,
            Path tracePath, OutputStream stream) {
        try (OutputStream out = stream) {
            FinishOnceSink sink = new FinishOnceSink(new JsonlTraceSink(out));
            RunResult result = scenario.run(request, sink);
            sink.finish();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("writing trace " + tracePath + ": " + e.getMessage(), e);
        }
    }
}
