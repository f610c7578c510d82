package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sweep runs the property search: the JSON of CLI.md, exit 1 with replay files when a variant
 * fails, exit 0 and no output directory when nothing fails, and replay files that replay.
 */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theCorrectModelPassesAndLeavesNoDirectory() throws IOException {
        Path out = dir.resolve("failures");
        CliRun run = CliRun.builtIn("sweep", "chaos-swarm", "--seeds", "1..6", "--threads", "2",
                "--out", out.toString(), "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode report = JSON.readTree(run.out());
        assertEquals("chaos-swarm", report.get("scenario").asText());
        assertTrue(report.get("variant").isNull());
        assertEquals(6, report.get("seedsRun").asLong());
        assertEquals(0, report.get("failures").size());
        assertTrue(report.has("wallMillis") && report.has("firstFailureMillis"));
        assertFalse(Files.exists(out));
    }

    @Test
    void aVariantFailsWithReplayFilesThatReplay() throws IOException {
        Path out = dir.resolve("failures");
        CliRun sweep = CliRun.builtIn("sweep", ReplayFixtures.SCENARIO, "--variant",
                ReplayFixtures.VARIANT, "--seeds", "1..4", "--threads", "2", "--out",
                out.toString(), "--json");
        assertEquals(ExitCode.VIOLATION, sweep.exitCode(), sweep::toString);
        JsonNode failure = JSON.readTree(sweep.out()).at("/failures/0");
        assertEquals("INV-7", failure.get("invariant").asText());
        assertTrue(failure.get("faultsAfterShrink").asInt()
                <= failure.get("faultsBeforeShrink").asInt());
        Path file = Path.of(failure.get("replayFile").asText());
        assertTrue(file.startsWith(out), file::toString);

        CliRun replay = CliRun.of("replay", file.toString(), "--json");
        assertEquals(ExitCode.VIOLATION, replay.exitCode(), replay::toString);
        JsonNode result = JSON.readTree(replay.out());
        assertEquals("INV-7", result.at("/violations/0/invariant").asText());
        assertEquals(failure.get("traceHash").asText(), result.get("traceHash").asText());
        assertEquals("", replay.err(), replay::toString);
    }

    @Test
    void theTextReportSaysHowToReplay() {
        CliRun run = CliRun.builtIn("sweep", ReplayFixtures.SCENARIO, "--variant",
                ReplayFixtures.VARIANT, "--seeds", "3..3", "--threads", "1", "--no-shrink",
                "--out", dir.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertTrue(run.out().contains("1 run of 3..3"), run::toString);
        assertTrue(run.out().contains("  seed 3  INV-7  faults "), run::toString);
        assertTrue(run.out().contains("    schedsim replay " + dir), run::toString);
    }

    @Test
    void guidedSearchReportsWhatItLearntAndFailsLikeRandomInItsFirstRound() throws IOException {
        CliRun guided = CliRun.builtIn("sweep", ReplayFixtures.SCENARIO, "--variant",
                ReplayFixtures.VARIANT, "--seeds", "1..300", "--threads", "2", "--no-shrink",
                "--search", "guided", "--out", dir.resolve("g").toString(), "--json");
        CliRun random = CliRun.builtIn("sweep", ReplayFixtures.SCENARIO, "--variant",
                ReplayFixtures.VARIANT, "--seeds", "1..300", "--threads", "2", "--no-shrink",
                "--out", dir.resolve("r").toString(), "--json");
        assertEquals(ExitCode.VIOLATION, guided.exitCode(), guided::toString);
        JsonNode stats = JSON.readTree(guided.out()).get("statistics").get("guided");
        assertEquals(2, stats.get("rounds").asInt(), guided::toString);
        assertTrue(stats.get("corpusEntries").asInt() > 0, guided::toString);
        assertTrue(JSON.readTree(random.out()).get("statistics").get("guided") == null);
        assertEquals(JSON.readTree(random.out()).get("failures").get(0).get("seed"),
                JSON.readTree(guided.out()).get("failures").get(0).get("seed"));
    }

    @Test
    void compareSearchPrintsMediansPerVariant() {
        CliRun run = CliRun.builtIn("compare-search", "--variants", ReplayFixtures.VARIANT,
                "--starts", "3", "--runs-max", "200", "--threads", "2");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("median runs to first failure over 3 starts"),
                run::toString);
        assertTrue(run.out().contains(ReplayFixtures.VARIANT), run::toString);
        assertTrue(run.out().contains("hardest third: guided needs"), run::toString);
    }

    @Test
    void maxFailuresStopsEarly() throws IOException {
        CliRun run = CliRun.builtIn("sweep", ReplayFixtures.SCENARIO, "--variant",
                ReplayFixtures.VARIANT, "--seeds", "1..100000", "--threads", "1",
                "--max-failures", "1", "--no-shrink", "--out", dir.toString(), "--json");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertTrue(JSON.readTree(run.out()).get("seedsRun").asLong() < 100, run::toString);
    }
}
