package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep stopped by a signal (SIGTERM here; Ctrl-C's SIGINT takes the same shutdown path) still
 * prints its report, marked interrupted, and files the failures its scan found (unshrunk).
 * Runs a child JVM.
 */
class SweepSignalTest {
    private static final long WAIT_SECONDS_MAX = 60;
    /** Long enough for the JVM to start and the scan to meet failing seeds (most seeds fail). */
    private static final long SCANNING_MILLIS = 6_000;

    @TempDir
    Path dir;

    @Test
    void aStoppedSweepStillReportsWhatItFound() throws IOException, InterruptedException {
        Path out = dir.resolve("failures");
        Path stdout = dir.resolve("stdout.json");
        Process child = new ProcessBuilder(List.of(javaBinary(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                ReplayFixtures.SCENARIO, "--variant", ReplayFixtures.VARIANT, "--seconds", "600",
                "--threads", "1", "--out", out.toString(), "--json"))
                .redirectOutput(stdout.toFile()).redirectError(dir.resolve("stderr").toFile())
                .start();
        try {
            Thread.sleep(SCANNING_MILLIS);
            assertTrue(child.isAlive(), "the sweep ended early");
            assertEquals(0, fileCount(out), "replay files are written when the sweep ends");
            child.destroy();
            assertTrue(child.waitFor(WAIT_SECONDS_MAX, TimeUnit.SECONDS), "child did not stop");
        } finally {
            child.destroyForcibly();
        }
        JsonNode report = new ObjectMapper().readTree(stdout.toFile());
        assertTrue(report.at("/statistics/interrupted").asBoolean(), report::toString);
        assertTrue(report.get("failures").size() >= 1, report::toString);
        assertEquals("INV-7", report.at("/failures/0/invariant").asText());
        assertTrue(Files.exists(Path.of(report.at("/failures/0/replayFile").asText())));
        assertEquals(report.get("failures").size(), fileCount(out), report::toString);
        assertEquals(report.at("/failures/0/faultsBeforeShrink"),
                report.at("/failures/0/faultsAfterShrink"), "a stopped sweep skips shrinking");
        assertTrue(Files.readString(dir.resolve("stderr")).contains("stopped by a signal"));
    }

    private static long fileCount(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
