package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.output.RecordedRun;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim replay <REPLAY_FILE>}: re-runs a replay file exactly (scenario, variant, config,
 * seed, fault plan, ordering) and reports it like {@code run}. When the file records what its run
 * produced, a replay that does not reproduce it is an exit 1 with one line saying what differs.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-runs the run a replay file describes and reports it like 'run'.",
            "Exit 0: no violation. Exit 1: the violation was reproduced, or the file's recorded "
                + "'expected' trace hash and invariant were not (a line on stderr says which). "
                + "Exit 2: the file cannot be read, or a field is missing or invalid."})
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<REPLAY_FILE>",
            description = "A replay file written by sweep or a failing property test.")
    private String replayPath;

    @Option(names = "--json", description = "Prints the run's result as one JSON object.")
    private boolean json;

    @Mixin
    private RunFiles files;

    @Override
    public Integer call() {
        CliContext context = root.context();
        ReplayFile file = ReplayFiles.read(path(replayPath));
        RunOutcome outcome = RecordedRun.run(
                (trace, history) -> Replayer.replay(file, trace, history), files.paths());
        RunResult result = outcome.result();
        RunCommand.print(context, result, json);
        if (!Replayer.reproduces(file, outcome)) {
            context.error("replay: did not reproduce " + replayPath + ": expected "
                    + describe(file.expected().traceHash(), file.expected().invariant())
                    + ", got " + describe(result.traceHash(), firstInvariant(result)));
            return ExitCode.VIOLATION;
        }
        return RunCommand.exitCode(result);
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InputException("replay file " + text + ": invalid path");
        }
    }

    private static String firstInvariant(RunResult result) {
        return result.violations().isEmpty() ? null : result.violations().get(0).invariant();
    }

    private static String describe(String traceHash, String invariant) {
        return "trace hash " + traceHash + " and " + (invariant == null ? "no violation"
                : invariant);
    }
}
