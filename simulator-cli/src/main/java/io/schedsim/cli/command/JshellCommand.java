package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.prop.scenario.InputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim jshell [FILE.jsh]...}: checks that every notebook can be read. Starting jshell
 * with the project's classpath is not implemented yet; valid arguments end in "not implemented yet"
 * (exit 2).
 */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = "Starts jshell with the project's classpath; given .jsh files, runs them "
                + "non-interactively.")
final class JshellCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(paramLabel = "FILE.jsh", arity = "0..*", description = "Notebooks to run.")
    private List<String> notebooks = new ArrayList<>();

    @Override
    public Integer call() {
        CliContext context = root.context();
        for (String notebook : notebooks) {
            checkReadable(notebook);
        }
        context.error("jshell: not implemented yet");
        return ExitCode.INPUT;
    }

    private static void checkReadable(String notebook) {
        Path path;
        try {
            path = Path.of(notebook);
        } catch (InvalidPathException e) {
            throw new InputException("jshell: cannot read " + notebook + ": invalid path");
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException("jshell: cannot read " + notebook + ": "
                    + (Files.exists(path) ? "not a regular file" : "no such file"));
        }
        if (!Files.isReadable(path)) {
            throw new InputException("jshell: cannot read " + notebook + ": permission denied");
        }
    }
}
