package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.jshell.InteractiveShell;
import io.schedsim.cli.jshell.NotebookRunner;
import io.schedsim.cli.jshell.OutputStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim jshell [FILE.jsh]...}: jshell with the project's classpath (and {@code
 * --classpath}'s entries) and imports; given notebooks, runs them in order without a prompt and
 * exits.
 */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = {"Starts jshell with the project's classpath and imports (try "
                + "Scenarios.list()); given .jsh files, runs them non-interactively and exits.",
            "Exit 0: every notebook ran. Exit 1: a snippet did not compile or threw (stderr "
                + "names the file and line; the notebook stops there). Exit 2: a file cannot "
                + "be read."})
final class JshellCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(paramLabel = "FILE.jsh", arity = "0..*", description = "Notebooks to run.")
    private List<String> notebooks = new ArrayList<>();

    @Mixin
    private ClassPathOption classPath;

    @Override
    public Integer call() {
        CliContext context = root.context();
        List<Path> userClasses = classPath.entries();
        if (notebooks.isEmpty()) {
            return InteractiveShell.start(OutputStreams.of(context.out()),
                    OutputStreams.of(context.err()), userClasses);
        }
        List<Path> paths = new ArrayList<>();
        for (String notebook : notebooks) {
            NotebookRunner.checkReadable(notebook);
            paths.add(Path.of(notebook));
        }
        NotebookRunner.Failure failure = NotebookRunner.run(paths,
                OutputStreams.of(context.out()), classPath.loader(), userClasses);
        if (failure != null) {
            context.error("jshell: " + failure.describe());
            return ExitCode.VIOLATION;
        }
        return ExitCode.OK;
    }
}
