package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay, sweep and jshell check their arguments fully; past that they say "not implemented yet".
 * Replay files are checked against the catalogs: scenario, variant and every config value.
 */
class PlaceholderCommandsTest {
    @TempDir
    Path dir;

    @Test
    void validReplayFileReachesTheMissingEngine() throws IOException {
        Path file = replay("\"variant\": null, \"seed\": 3, \"config\": " + fullConfig("4"));
        assertError("replay: not implemented yet", "replay", file.toString());
    }

    @Test
    void replayNamesABadConfigValue() throws IOException {
        Path file = replay("\"variant\": null, \"seed\": 3, \"config\": " + fullConfig("0"));
        assertError("replay " + file + ": config.workers: must be within [1, 100], got 0",
                "replay", file.toString());
    }

    @Test
    void replayNamesAMissingConfigKey() throws IOException {
        Path file = replay("\"variant\": null, \"seed\": 3, \"config\": {\"workers\": 4}");
        assertError("replay " + file + ": config.tasks: missing", "replay", file.toString());
    }

    @Test
    void replayNamesAnUnknownVariant() throws IOException {
        Path file = replay("\"variant\": \"nope\", \"seed\": 3, \"config\": " + fullConfig("4"));
        assertError("replay " + file + ": variant: unknown variant 'nope'", "replay",
                file.toString());
    }

    @Test
    void replayNamesAMistypedSeed() throws IOException {
        Path file = replay("\"variant\": null, \"seed\": \"x\", \"config\": {}");
        assertError("replay " + file + ": seed: expected a 64-bit integer", "replay",
                file.toString());
    }

    @Test
    void replayNamesAMissingVariantField() throws IOException {
        Path file = replay("\"seed\": 3, \"config\": {}");
        assertError("replay " + file + ": missing field 'variant'", "replay", file.toString());
    }

    @Test
    void validSweepReachesTheMissingEngine() {
        assertError("sweep: not implemented yet", "sweep", "fake-cluster", "--seeds", "-5..5",
                "--seconds", "1.5", "--threads", "2", "--out", dir.resolve("new/dir").toString(),
                "--no-shrink", "--json");
        assertEquals(false, Files.exists(dir.resolve("new")));
    }

    @Test
    void jshellChecksItsNotebooks() throws IOException {
        Path notebook = Files.writeString(dir.resolve("a.jsh"), "1 + 1\n");
        assertError("jshell: not implemented yet", "jshell", notebook.toString());
    }

    private Path replay(String fields) throws IOException {
        return Files.writeString(dir.resolve("r.json"), "{\"format\": \"schedsim-replay/1\", "
                + "\"scenario\": \"fake-cluster\", " + fields + "}");
    }

    private static String fullConfig(String workers) {
        return "{\"workers\": " + workers + ", \"tasks\": 5, \"killIntervalMillis\": 10, "
                + "\"chaos\": 0.5, \"crash\": false, \"placement\": \"spread\"}";
    }

    private static void assertError(String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertEquals(true, run.err().startsWith("schedsim: " + expected), run::toString);
    }
}
