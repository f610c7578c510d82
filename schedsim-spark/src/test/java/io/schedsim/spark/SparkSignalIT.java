package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedsim.cli.Main;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.SearchReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) during {@code sweep --engine spark} cancels the job and keeps what was found:
 * the report is printed, marked interrupted, its failures' replay files are on disk and replay,
 * and stderr has no stack trace. Runs the CLI in a child JVM, as {@code ./schedsim} does.
 */
class SparkSignalIT {
    private static final long START_SECONDS_MAX = 120;
    /** Spark started: time for its blocks to come back with a failure, however loaded. */
    private static final long FIRST_FAILURE_SECONDS_MAX = 180;
    private static final long EXIT_SECONDS_MAX = 60;

    @TempDir
    Path dir;

    @Test
    void ctrlCKeepsWhatWasFound() throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(SparkJvm.options());
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                "chaos-swarm", "--variant", "stale-drainer-eligibility", "--seconds", "600",
                "--engine", "spark", "--master", "local[2]", "--json", "--progress", "--out",
                dir.resolve("out").toString()));
        Path stdout = dir.resolve("stdout.json");
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        try {
            awaitScanning(tmp, child);
            // Interrupted once a failure is in (the progress lines say so), not after a fixed
            // time: on a loaded machine 8 s once brought no block back at all.
            awaitFirstFailure(stderr, child);
            assertTrue(child.isAlive(), () -> "the sweep ended early: " + read(stderr));
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
            assertTrue(child.waitFor(EXIT_SECONDS_MAX, TimeUnit.SECONDS), "no exit after SIGINT");
        } finally {
            child.destroyForcibly();
        }
        String errors = read(stderr);
        // The JVM exits as a SIGINT-ended process does (128 + 2), as with the threads engine.
        assertEquals(130, child.exitValue(), errors);
        assertTrue(errors.contains("stopped by a signal"), errors);
        assertFalse(errors.contains("\tat ") || errors.contains("Exception"), errors);
        SearchReport report = new ObjectMapper().readValue(stdout.toFile(), SearchReport.class);
        assertTrue(report.statistics().interrupted());
        assertTrue(report.seedsRun() > 0);
        assertFalse(report.failures().isEmpty());
        for (Failure failure : report.failures()) {
            assertEquals(failure.traceHash(), Replayer.replay(ReplayFiles.read(
                    Path.of(failure.replayFile()), Registry.builtIn()), null).result()
                    .traceHash());
        }
    }

    /** Waits until Spark runs: its block manager's directory shows in the child's {@code tmp}. */
    private static void awaitScanning(Path tmp, Process child) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS_MAX);
        while (System.nanoTime() < deadline && child.isAlive()) {
            try (Stream<Path> files = Files.list(tmp)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith("blockmgr-")
                        || f.getFileName().toString().startsWith("spark-"))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Spark did not start within " + START_SECONDS_MAX + " s");
    }

    /** Waits for a progress line ({@code --progress}) that counts a failure. */
    private static void awaitFirstFailure(Path stderr, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_FAILURE_SECONDS_MAX);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (read(stderr).lines().anyMatch(line -> line.startsWith("sweep ")
                    && !line.contains(" 0 failures"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no failure within " + FIRST_FAILURE_SECONDS_MAX + " s: "
                + read(stderr));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
