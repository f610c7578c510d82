package io.schedsim.cli.determinism;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedsim.cli.Main;
import io.schedsim.cli.Plugins;
import io.schedsim.prop.spec.RunSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code schedsim run} of one spec (its plan from the seed, FIFO) in a new JVM with the same
 * plugins and {@code --classpath}, its JSON and trace in temp files.
 */
final class ChildRun {
    private final Process process;
    private final Path json;
    private final Path errors;
    private final Path trace;

    private ChildRun(Process process, Path json, Path errors, Path trace) {
        this.process = process;
        this.json = json;
        this.errors = errors;
        this.trace = trace;
    }

    static ChildRun start(Plugins plugins, List<Path> classPath, RunSpec spec, Path directory)
            throws IOException {
        Path json = directory.resolve("fresh-jvm.json");
        Path errors = directory.resolve("fresh-jvm.err");
        Path trace = directory.resolve("fresh-jvm.jsonl");
        ProcessBuilder builder = new ProcessBuilder(command(plugins, classPath, spec, trace))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(json.toFile())
                .redirectError(errors.toFile());
        return new ChildRun(builder.start(), json, errors, trace);
    }

    Path trace() {
        return trace;
    }

    /** Waits for the child; its JSON result when it ran (exit 0 or 1), otherwise throws. */
    JsonNode awaitResult() throws IOException {
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the fresh JVM");
        }
        if (exit != 0 && exit != 1) {
            List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
            String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
            throw new IllegalStateException("the fresh JVM exited with " + exit + ": " + last);
        }
        return FreshJvmCheck.readJson(json);
    }

    /** Ends the child if it is still running (this run failed first) and waits for it. */
    void stop() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<String> command(Plugins plugins, List<Path> classPath, RunSpec spec,
            Path trace) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Heap and stack sizes and -D properties carry over; agents and debuggers do not.
            if (argument.startsWith("-Xm") || argument.startsWith("-Xss")
                    || argument.startsWith("-D")) {
                command.add(argument);
            }
        }
        command.addAll(plugins.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("run");
        command.add(spec.scenario().name());
        command.add("--seed");
        command.add(Long.toString(spec.seed()));
        for (Map.Entry<String, Object> knob : spec.config().asMap().entrySet()) {
            command.add("--set");
            command.add(knob.getKey() + "=" + knob.getValue());
        }
        if (spec.variantName() != null) {
            command.add("--variant");
            command.add(spec.variantName());
        }
        for (io.schedsim.prop.spec.UserCheck check : spec.checks()) {
            command.add("--check");
            command.add(check.name());
        }
        if (!classPath.isEmpty()) {
            command.add("--classpath");
            command.add(String.join(java.io.File.pathSeparator,
                    classPath.stream().map(Path::toString).toList()));
        }
        command.add("--json");
        command.add("--trace");
        command.add(trace.toString());
        return command;
    }

    /** The java binary running this JVM. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static java.io.File nullDevice() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }
}
