package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command; on its own (no subcommand) it is a usage error. Its attributes are inherited,
 * so every subcommand (present and future) answers {@code --version} with the same line.
 */
@Command(name = "schedsim", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Deterministic discrete-event simulator of a distributed task scheduler "
                + "under faults.")
public final class SchedsimCommand implements Callable<Integer> {
    /**
     * Every subcommand by name, in the order help lists them. They are added to the command line
     * by {@link #addSubcommands}, not by the annotation, so that a command line naming one builds
     * picocli's model of that one only: reflecting over all nine cost about 0.1 s of CPU at every
     * start (a tiny run took 0.90 s of CPU with all of them, 0.78 s with one).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    public SchedsimCommand(CliContext context) {
        this.context = context;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("scenarios", ScenariosCommand::new);
        all.put("describe", DescribeCommand::new);
        all.put("variants", VariantsCommand::new);
        all.put("run", RunCommand::new);
        all.put("replay", ReplayCommand::new);
        all.put("sweep", SweepCommand::new);
        all.put("check-determinism", CheckDeterminismCommand::new);
        all.put("diff", DiffCommand::new);
        all.put("jshell", JshellCommand::new);
        all.put("check", CheckCommand::new);
        all.put("compare-search", CompareSearchCommand::new);
        return Collections.unmodifiableMap(all);
    }

    /**
     * Adds the subcommand {@code args} start with, if they name one; otherwise all of them, so
     * that help, a missing or an unknown command can list them. Options before the subcommand
     * ({@code --version run}) count as not naming one.
     */
    public static void addSubcommands(CommandLine commandLine, String... args) {
        Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            commandLine.addSubcommand(args[0], named.get());
            return;
        }
        SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
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
