package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code check-determinism}: in one JVM and against a fresh JVM, agreeing and diverging. */
class CheckDeterminismCommandTest {
    @Test
    void deterministicScenarioPasses() throws Exception {
        CliRun run = CliRun.of("check-determinism", "fake-cluster", "--seed", "11", "--set",
                "tasks=300");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        String hash = new ObjectMapper().readTree(CliRun.of("run", "fake-cluster", "--seed", "11",
                "--set", "tasks=300", "--json").out()).get("traceHash").asText();
        assertTrue(run.out().startsWith("deterministic: " + hash + " over 300 events"),
                run::toString);
    }

    @Test
    void divergenceNamesTheFirstDifferentEvent() {
        CliRun run = CliRun.of("check-determinism", "flaky", "--seed", "1");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("not deterministic (two runs in one JVM)"), run::toString);
        // Task 3 (the perturbed one) is dispatched 44th at seed 1: event #43.
        assertTrue(run.out().contains("first divergent event: #43 at t=9.056 s"), run::toString);
        assertTrue(run.out().contains("  run 1: #43 t=9.056 s task-done"), run::toString);
        assertTrue(run.out().contains("  run 2: #43 t=9.056 s task-done"), run::toString);
    }

    @Test
    void freshJvmAgreesForADeterministicScenario() throws IOException {
        long before = tempDirectories();
        CliRun run = CliRun.of("check-determinism", "fake-cluster", "--seed", "-9", "--set",
                "chaos=0.125", "--fresh-jvm");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("deterministic: "), run::toString);
        assertTrue(run.out().contains("(this JVM vs a fresh JVM)"), run::toString);
        assertEquals(before, tempDirectories(), "temp files were left behind");
    }

    @Test
    void freshJvmNamesTheFirstDifferentEvent() {
        CliRun run = CliRun.of("check-determinism", "flaky", "--fresh-jvm");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("not deterministic (this JVM vs a fresh JVM)"),
                run::toString);
        assertTrue(run.out().contains("first divergent event: #43 at t=9.056 s"), run::toString);
    }

    @Test
    void failedModelCheckStopsTheCheckWithExitOne() {
        CliRun run = CliRun.of("check-determinism", "fake-cluster", "--variant", "check-fails",
                "--fresh-jvm");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
    }

    private static long tempDirectories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("schedsim-determinism-"))
                    .count();
        }
    }
}
