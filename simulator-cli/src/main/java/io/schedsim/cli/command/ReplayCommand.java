package io.schedsim.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.output.Json;
import io.schedsim.cli.output.RecordedRun;
import io.schedsim.cli.report.RunReport;
import io.schedsim.prop.replay.Checkpoints;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.replay.Reproduction;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOptions;
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
 * {@code schedsim replay <REPLAY_FILE>}: re-runs a replay file exactly (its run spec: scenario,
 * variant, config, seed, fault plan, ordering, user checks), reports it like {@code run}, and
 * says whether it reproduced what the file recorded: exit 1 when the recorded failure
 * reproduced, 4 when the run diverged. A provider class the file names but {@code --classpath}
 * lacks is exit 2.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-runs the run a replay file describes and reports it like 'run', "
                + "saying whether it reproduced the file's recorded outcome.",
            "Exit 0: no violation. Exit 1: the recorded violation reproduced (or, for a file "
                + "that records no outcome, a violation was found). Exit 2: the file cannot be "
                + "read, or a field is missing or invalid. Exit 4: the run did not reproduce "
                + "the recorded trace hash or invariant (a line on stderr says what differs)."})
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<REPLAY_FILE>",
            description = "A replay file written by sweep or a failing property test.")
    private String replayPath;

    @Option(names = "--json", description = "Prints the run's result as one JSON object, "
            + "with \"reproduced\" and \"divergence\".")
    private boolean json;

    @Mixin
    private RunFiles files;

    @Mixin
    private ClassPathOption classPath;

    @Override
    public Integer call() {
        CliContext context = root.context();
        ReplayFile file = ReplayFiles.read(path(replayPath), classPath.registry(context));
        Checkpoints recorded = file.expected() == null ? null : file.expected().checkpoints();
        Checkpoints.Recorder[] recorder = new Checkpoints.Recorder[1];
        RunOutcome outcome = RecordedRun.run(options -> {
            if (recorded != null) {
                recorder[0] = new Checkpoints.Recorder(recorded.everyEvents(),
                        options.traceSink());
            }
            return replay(file, recorder[0] != null ? options.withTrace(recorder[0]) : options);
        }, files.paths());
        Reproduction reproduction = Reproduction.of(file, outcome,
                recorder[0] == null ? null : recorder[0].checkpoints());
        print(context, outcome.result(), reproduction);
        if (reproduction.recorded() && !reproduction.reproduced()) {
            context.error("replay: did not reproduce " + replayPath + ": "
                    + reproduction.difference());
            return ExitCode.NOT_REPRODUCED;
        }
        return RunCommand.exitCode(outcome.result());
    }

    private void print(CliContext context, RunResult result, Reproduction reproduction) {
        if (json) {
            ObjectNode node = Json.mapper().valueToTree(result);
            node.put("reproduced", reproduction.reproduced());
            node.put("divergence", reproduction.difference());
            context.out().println(Json.pretty(node));
            return;
        }
        context.out().print(RunReport.render(result));
        context.out().printf("%-12s %s%n", "reproduced", !reproduction.recorded()
                ? "nothing to compare (the file records no outcome)"
                : reproduction.reproduced() ? "yes: the recorded trace hash and invariant"
                : "no (see stderr)");
    }

    /** Runs the file; what the run finds wrong with it (unknown nodes) names the file too. */
    private RunOutcome replay(ReplayFile file, RunOptions options) {
        try {
            return Replayer.replayWith(file, options);
        } catch (InputException e) {
            // A file of the first format has its plan at the top level, not inside a spec.
            String message = file.format().equals(ReplayFile.FORMAT_1)
                    ? e.getMessage().replace("field 'spec.", "field '") : e.getMessage();
            throw new InputException("replay file " + replayPath + ": " + message);
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InputException("replay file " + text + ": invalid path");
        }
    }
}
