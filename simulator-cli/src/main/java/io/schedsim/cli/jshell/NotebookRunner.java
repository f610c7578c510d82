package io.schedsim.cli.jshell;

import io.schedsim.prop.scenario.InputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs notebooks non-interactively, as {@code jshell FILE.jsh} would, but stops at the first
 * snippet that does not compile, cannot resolve a name, or throws, and says where: the file, the
 * line and the message. Snippets run in this JVM (local execution) with the project's classpath
 * and the startup imports; their output goes to {@code out}.
 */
public final class NotebookRunner {
    private NotebookRunner() {}

    /** The first failure of a notebook: where it was and what went wrong. */
    public record Failure(Path notebook, int line, String message) {
        public String describe() {
            return notebook + ":" + line + ": " + message;
        }
    }

    /** Runs each notebook in a fresh shell; returns the first failure, or null. */
    public static Failure run(List<Path> notebooks, PrintStream out) {
        return run(notebooks, out, NotebookRunner.class.getClassLoader(), List.of());
    }

    /**
     * As above, with user classes: {@code userClasses} join each shell's class path, and {@code
     * loader} (over the same entries) is the context class loader the snippets run with, where
     * the notebook API's registry finds their plugins.
     */
    public static Failure run(List<Path> notebooks, PrintStream out, ClassLoader loader,
            List<Path> userClasses) {
        PrintStream stdout = System.out;
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        System.setOut(out);
        thread.setContextClassLoader(loader);
        try {
            for (Path notebook : notebooks) {
                Failure failure = runOne(Notebook.read(notebook), out, userClasses);
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        } finally {
            out.flush();
            System.setOut(stdout);
            thread.setContextClassLoader(context);
        }
    }

    private static Failure runOne(Notebook notebook, PrintStream out, List<Path> userClasses) {
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out)
                .build()) {
            shell.addToClasspath(Startup.classPath());
            for (Path entry : userClasses) {
                shell.addToClasspath(entry.toAbsolutePath().toString());
            }
            for (Notebook.Snippet startup : Notebook.parse(Path.of("startup.jsh"),
                    Startup.imports(), shell).snippets()) {
                String problem = evaluate(shell, startup.source());
                if (problem != null) {
                    throw new IllegalStateException("startup import failed: " + problem);
                }
            }
            for (Notebook.Snippet snippet : Notebook.parse(notebook.path(), notebook.text(),
                    shell).snippets()) {
                if (snippet.source().startsWith("/")) {
                    if (snippet.source().strip().equals("/exit")) {
                        return null;
                    }
                    return new Failure(notebook.path(), snippet.line(), "jshell commands are not "
                            + "run in notebooks: " + snippet.source().strip());
                }
                String problem = evaluate(shell, snippet.source());
                if (problem != null) {
                    return new Failure(notebook.path(), snippet.line(), problem);
                }
                out.flush();
            }
            return null;
        }
    }

    /** Evaluates one snippet; a description of what went wrong, or null. */
    private static String evaluate(JShell shell, String source) {
        for (SnippetEvent event : shell.eval(source)) {
            if (event.exception() != null) {
                return describe(event.exception());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                return "does not compile: " + diagnostics(shell, event.snippet());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return "cannot resolve " + String.join(", ",
                        shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet)
                                event.snippet()).toList());
            }
        }
        return null;
    }

    private static String diagnostics(JShell shell, Snippet snippet) {
        StringBuilder text = new StringBuilder();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> {
            String message = diag.getMessage(Locale.ROOT).lines().findFirst().orElse("");
            text.append(text.length() == 0 ? "" : "; ").append(message);
        });
        return text.length() == 0 ? "(no message)" : text.toString();
    }

    private static String describe(Exception exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            return "cannot resolve " + unresolved.getSnippet().toString();
        }
        String type = exception instanceof EvalException eval ? eval.getExceptionClassName()
                : exception.getClass().getName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String message = exception.getMessage() == null ? "" : ": " + exception.getMessage();
        return "threw " + simple + message;
    }

    /** Checks that a notebook can be read before anything runs. */
    public static void checkReadable(String pathText) {
        Notebook.read(Notebook.path(pathText));
    }

    static InputException unreadable(String pathText, String reason) {
        return new InputException("jshell: cannot read " + pathText + ": " + reason);
    }
}
