package io.schedsim.cli.command;

import io.schedsim.cli.output.RecordedRun;
import picocli.CommandLine.Option;

/**
 * The output files of run and replay: {@code --trace}, {@code --timeline}, {@code --perfetto},
 * {@code --history}.
 */
public final class RunFiles {
    @Option(names = "--trace", paramLabel = "FILE.jsonl",
            description = "Writes every event as one JSON line.")
    private String tracePath;

    @Option(names = "--timeline", paramLabel = "FILE.html",
            description = "Writes a self-contained HTML/SVG timeline of the run (opens offline).")
    private String timelinePath;

    @Option(names = "--perfetto", paramLabel = "FILE.json",
            description = "Writes the timeline as Chrome trace-event JSON for ui.perfetto.dev.")
    private String perfettoPath;

    @Option(names = "--history", paramLabel = "FILE.jsonl",
            description = "Writes the run's observable history as JSONL (docs/history.md), "
                    + "for 'schedsim check'.")
    private String historyPath;

    /** The files of a run; each path is null when its option is absent. */
    RecordedRun.Files paths() {
        return new RecordedRun.Files(tracePath, timelinePath, perfettoPath, historyPath);
    }
}
