package io.schedsim.cli.determinism;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedsim.cli.Plugins;
import io.schedsim.cli.output.Json;
import io.schedsim.cli.output.RecordedRun;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.spec.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a spec once in this JVM and once in a new JVM (same java binary, same classpath,
 * {@code schedsim run ... --json --trace}), then compares the two JSONL traces line by line.
 * Temp files live in one temp directory that is deleted afterwards.
 */
public final class FreshJvmCheck {
    private FreshJvmCheck() {}

    /** Compares a run of {@code spec} here with one in a JVM given the same plugins and entries. */
    public static Comparison compare(Plugins plugins, List<Path> classPath, RunSpec spec) {
        Path directory = null;
        ChildRun child = null;
        try {
            directory = Files.createTempDirectory("schedsim-determinism-");
            // The two runs are independent: the child starts first and runs alongside this one.
            child = ChildRun.start(plugins, classPath, spec, directory);
            Path traceHere = directory.resolve("this-jvm.jsonl");
            RunResult here = RecordedRun.runWithTrace(
                    sink -> spec.run(RunOptions.NONE.withTrace(sink)).result(),
                    traceHere, Files.newOutputStream(traceHere));
            JsonNode there = child.awaitResult();
            return new Comparison("this JVM vs a fresh JVM", here.traceHash(), here.events(),
                    there.path("traceHash").asText(), there.path("events").asLong(),
                    TraceFiles.firstDivergence(traceHere, child.trace()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (child != null) {
                child.stop();
            }
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            directory.toFile().deleteOnExit();
        }
    }

    /** Reads the JSON a child printed; used by {@link ChildRun}. */
    static JsonNode readJson(Path file) throws IOException {
        return Json.mapper().readTree(file.toFile());
    }
}
