package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --classpath DIR_OR_JAR[:...]}: user code for the command. Its entries become a class
 * loader over the application's, and every {@link io.schedsim.prop.plugin.SchedsimPlugin} that
 * {@link java.util.ServiceLoader} finds there joins the registry the command resolves names in;
 * replay files resolve their providers there too. An entry that does not exist is exit 2.
 */
public final class ClassPathOption {
    @Option(names = "--classpath", paramLabel = "DIR_OR_JAR[" + ":" + "...]",
            description = "User plugins (variants, scenarios, checks): directories and jars, "
                    + "separated by '" + ":" + "'. A Maven target/test-classes brings its "
                    + "sibling target/classes.")
    private String classPath;

    private Registry registry;

    /** The entries as given, each checked to exist. */
    public List<Path> entries() {
        List<Path> entries = new ArrayList<>();
        if (classPath == null) {
            return entries;
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(entry);
            } catch (InvalidPathException e) {
                throw new InputException("--classpath: invalid path '" + entry + "'");
            }
            if (!Files.exists(path)) {
                throw new InputException("--classpath: no such file or directory: " + entry);
            }
            if (!Files.isDirectory(path) && !Files.isReadable(path)) {
                throw new InputException("--classpath: cannot read " + entry);
            }
            entries.add(path);
        }
        withMainClasses(entries);
        return entries;
    }

    /**
     * A Maven {@code target/test-classes} directory brings its sibling {@code target/classes}
     * (after the given entries, if it exists and is not given): a user's plugin usually lives in
     * test code while the component it puts under test is the project's main code, and the
     * failure message of a property names the test classes.
     */
    private static void withMainClasses(List<Path> entries) {
        List<Path> given = new ArrayList<>(entries);
        for (Path entry : given) {
            Path name = entry.getFileName();
            Path parent = entry.toAbsolutePath().normalize().getParent();
            if (name == null || parent == null || !name.toString().equals("test-classes")
                    || !Files.isDirectory(entry)) {
                continue;
            }
            Path main = parent.resolve("classes");
            boolean listed = entries.stream().anyMatch(
                    e -> e.toAbsolutePath().normalize().equals(main));
            if (Files.isDirectory(main) && !listed) {
                entries.add(main);
            }
        }
    }

    /** The class loader of the entries (the application's when there are none). */
    public ClassLoader loader() {
        ClassLoader app = ClassPathOption.class.getClassLoader();
        List<Path> entries = entries();
        if (entries.isEmpty()) {
            return app;
        }
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new InputException("--classpath: invalid path '" + entries.get(i) + "'");
            }
        }
        // Lives as long as the command: its classes run until the JVM exits.
        return new URLClassLoader("schedsim-classpath", urls, app);
    }

    /** The command's registry: the context's plugins in {@link #loader()}, built once. */
    public Registry registry(CliContext context) {
        if (registry == null) {
            registry = context.plugins().registry(loader());
        }
        return registry;
    }
}
