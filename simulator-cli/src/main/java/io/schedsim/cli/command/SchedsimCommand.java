package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; on its own (no subcommand) it is a usage error. */
@Command(name = "schedsim", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deterministic discrete-event simulator of a distributed task scheduler "
                + "under faults.",
        subcommands = {ScenariosCommand.class, VariantsCommand.class, RunCommand.class,
            ReplayCommand.class, SweepCommand.class, CheckDeterminismCommand.class,
            JshellCommand.class, CheckCommand.class})
public final class SchedsimCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    public SchedsimCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        context.error("missing command (try: " + String.join(", ", spec.subcommands().keySet())
                + "; or --help)");
        return ExitCode.INPUT;
    }
}
