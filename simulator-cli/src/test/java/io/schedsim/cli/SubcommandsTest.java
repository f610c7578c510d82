package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command line that names a subcommand builds picocli's model of that one only (building all
 * nine cost about 0.1 s of CPU at every start); any other gets all of them, under their names.
 */
class SubcommandsTest {
    private static final List<String> ALL = List.of("scenarios", "describe", "variants", "run",
            "replay", "sweep", "check-determinism", "diff", "jshell", "check", "compare-search");

    private final CliContext context = new CliContext(CliRun.FAKES,
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

    private CommandLine commandLine(String... args) {
        return Main.commandLine(context, new ErrorReporter(context), args);
    }

    @Test
    void withoutASubcommandAllAreThereInHelpOrder() {
        assertEquals(ALL, List.copyOf(commandLine().getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(commandLine("--version").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(commandLine("frobnicate").getSubcommands().keySet()));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndKeepsItsAnnotatedName() {
        for (String name : ALL) {
            Map<String, CommandLine> built = commandLine(name, "--help").getSubcommands();
            assertEquals(List.of(name), List.copyOf(built.keySet()));
            Object command = built.get(name).getCommandSpec().userObject();
            assertEquals(name, command.getClass().getAnnotation(Command.class).name());
        }
    }

    @Test
    void aNamedSubcommandRunsAsBefore() {
        CliRun help = CliRun.of("run", "--help");
        assertEquals(ExitCode.OK, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: schedsim run "), help::toString);
        CliRun missing = CliRun.of("run");
        assertEquals(ExitCode.INPUT, missing.exitCode(), missing::toString);
        assertEquals("schedsim: run: missing <scenario>", missing.err().strip());
    }
}
