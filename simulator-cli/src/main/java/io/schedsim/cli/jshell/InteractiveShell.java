package io.schedsim.cli.jshell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * The interactive {@code schedsim jshell}: the JDK's own jshell tool, started in this process with
 * the project's classpath, jshell's default imports and schedsim's, reading standard input.
 */
public final class InteractiveShell {
    private InteractiveShell() {}

    /** Runs the tool until the user leaves it, {@code userClasses} on its class path. */
    public static int start(PrintStream out, PrintStream err, List<Path> userClasses) {
        Path startup = null;
        try {
            startup = Files.createTempFile("schedsim-startup-", ".jsh");
            startup.toFile().deleteOnExit();
            Files.writeString(startup, Startup.imports(), StandardCharsets.UTF_8);
            err.println("schedsim jshell: try Scenarios.list() or "
                    + "Scenarios.rayChaos().set(\"workers\", 4).seed(7).run().report()");
            return JavaShellToolBuilder.builder().in(System.in, null).out(out).err(err)
                    .start("--class-path", classPath(userClasses), "--startup", "DEFAULT",
                            "--startup", startup.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("jshell failed: " + e.getMessage(), e);
        } finally {
            if (startup != null) {
                try {
                    Files.deleteIfExists(startup);
                } catch (IOException e) {
                    startup.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The project's class path, then the user's entries. */
    private static String classPath(List<Path> userClasses) {
        List<String> entries = new ArrayList<>();
        entries.add(Startup.classPath());
        userClasses.forEach(entry -> entries.add(entry.toAbsolutePath().toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }
}
