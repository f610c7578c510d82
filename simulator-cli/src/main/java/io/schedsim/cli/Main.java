package io.schedsim.cli;

import io.schedsim.cli.command.SchedsimCommand;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code schedsim}: builds the command tree, maps every outcome to an exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        // Only the CLI writes to stdout, so --json output stays parseable whatever a model prints.
        System.setOut(System.err);
        int exitCode;
        try {
            exitCode = execute(Plugins.fromSystemProperties(), out, err, args);
        } catch (IllegalStateException e) {
            new CliContext(null, out, err).error(e.getMessage());
            exitCode = ExitCode.INPUT;
        }
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /**
     * Runs one command line with {@code plugins} and returns its exit code; never exits the JVM,
     * so tests call this directly.
     */
    public static int execute(Plugins plugins, PrintWriter out, PrintWriter err, String... args) {
        CliContext context = new CliContext(plugins, out, err);
        ErrorReporter reporter = new ErrorReporter(context);
        try {
            return commandLine(context, reporter, args).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return reporter.internal(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree for {@code args}: the root and the subcommand they name (or all). */
    static CommandLine commandLine(CliContext context, ErrorReporter reporter, String... args) {
        CommandLine commandLine = new CommandLine(new SchedsimCommand(context));
        SchedsimCommand.addSubcommands(commandLine, args);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setParameterExceptionHandler(reporter);
        commandLine.setExecutionExceptionHandler(reporter);
        return commandLine;
    }
}
