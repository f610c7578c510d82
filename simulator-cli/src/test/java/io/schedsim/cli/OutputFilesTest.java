package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trace} and {@code --timeline}: complete files, or none at all, and no temp files. */
class OutputFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void traceHasOneJsonLinePerEventEndingInTheTraceHash() throws IOException {
        Path trace = dir.resolve("run.jsonl");
        CliRun run = CliRun.of("run", "fake-cluster", "--seed", "5", "--trace", trace.toString(),
                "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode result = JSON.readTree(run.out());
        List<String> lines = Files.readAllLines(trace).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(result.get("events").asLong(), lines.size());
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        assertEquals(result.get("traceHash").asText(), last.get("hash").asText());
        assertEquals(lines.size() - 1, last.get("i").asLong());
        assertEquals(List.of(trace), listing());
    }

    @Test
    void traceReplacesAnExistingFile() throws IOException {
        Path trace = dir.resolve("run.jsonl");
        Files.writeString(trace, "old content\n");
        CliRun run = CliRun.of("run", "fake-cluster", "--trace", trace.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertFalse(Files.readString(trace).contains("old content"));
        assertEquals(List.of(trace), listing());
    }

    @Test
    void timelineIsSelfContainedHtmlWithSvg() throws IOException {
        Path timeline = dir.resolve("t.html");
        CliRun run = CliRun.of("run", "fake-cluster", "--variant", "always-violates",
                "--timeline", timeline.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        String html = Files.readString(timeline);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("INV-1"));
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"));
        assertEquals(List.of(timeline), listing());
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() throws IOException {
        Path relative = Path.of("target", "output-files-test-" + ProcessHandle.current().pid()
                + ".jsonl");
        try {
            CliRun run = CliRun.of("run", "fake-cluster", "--trace", relative.toString());
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            assertTrue(Files.size(relative) > 0);
        } finally {
            Files.deleteIfExists(relative);
        }
    }

    @Test
    void noFileIsLeftWhenTheRunFails() throws IOException {
        Path trace = dir.resolve("run.jsonl");
        Path timeline = dir.resolve("t.html");
        CliRun run = CliRun.of("run", "fake-cluster", "--set", "crash=true", "--trace",
                trace.toString(), "--timeline", timeline.toString());
        assertEquals(ExitCode.INTERNAL, run.exitCode(), run::toString);
        assertEquals(List.of(), listing());
    }

    @Test
    void noFileIsLeftWhenAModelCheckFails() throws IOException {
        Path trace = dir.resolve("run.jsonl");
        CliRun run = CliRun.of("run", "fake-cluster", "--variant", "check-fails", "--trace",
                trace.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals(List.of(), listing());
    }

    @Test
    void existingFileIsKeptWhenTheRunFails() throws IOException {
        Path trace = dir.resolve("run.jsonl");
        Files.writeString(trace, "previous run\n");
        CliRun run = CliRun.of("run", "fake-cluster", "--set", "crash=true", "--trace",
                trace.toString());
        assertEquals(ExitCode.INTERNAL, run.exitCode(), run::toString);
        assertEquals("previous run\n", Files.readString(trace));
        assertEquals(List.of(trace), listing());
    }

    @Test
    void badInputWritesNothing() throws IOException {
        CliRun run = CliRun.of("run", "fake-cluster", "--set", "workers=0", "--trace",
                dir.resolve("run.jsonl").toString());
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(List.of(), listing());
    }

    @Test
    void unwritableDirectoryFailsBeforeTheRun() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes anywhere; the check is meaningful for other users only.
            Assumptions.assumeFalse(Files.isWritable(locked), "running as root");
            CliRun run = CliRun.of("run", "fake-cluster", "--trace",
                    locked.resolve("t.jsonl").toString());
            assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("schedsim: --trace: cannot write "), run::toString);
            assertTrue(run.err().contains("is not writable"), run::toString);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A Ray run's timeline records its leases; the run, and so its trace hash, is the same. */
    @Test
    void rayTimelineShowsTaskOccupancyWithoutChangingTheRun() throws IOException {
        Path timeline = dir.resolve("ray.html");
        String[] run = {"run", "ray-chaos", "--set", "workers=2", "--set", "tasks=50", "--json"};
        CliRun plain = CliRun.builtIn(run);
        CliRun pictured = CliRun.builtIn(java.util.stream.Stream.concat(
                java.util.Arrays.stream(run), Stream.of("--timeline", timeline.toString()))
                .toArray(String[]::new));
        assertEquals(ExitCode.OK, pictured.exitCode(), pictured::toString);
        assertEquals(JSON.readTree(plain.out()).get("traceHash"),
                JSON.readTree(pictured.out()).get("traceHash"));
        String html = Files.readString(timeline);
        assertTrue(html.contains("node 1: Ray task attempts leased there, up to "), "band");
        assertTrue(html.contains(">tasks, max "), "lane label");
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
