package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run|replay --history} and {@code schedsim check}: a correct run's history is clean
 * (exit 0), a zoo variant's names that variant's invariant (exit 1), a replay writes its run's
 * history, and a malformed or missing file is one {@code schedsim:} line naming the line and
 * field (exit 2).
 */
class HistoryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aCorrectRunsHistoryChecksClean() throws IOException {
        Path history = dir.resolve("ok.jsonl");
        CliRun run = CliRun.builtIn("run", "chaos-swarm", "--seed", "1", "--history",
                history.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        List<String> lines = Files.readAllLines(history);
        assertTrue(lines.get(0).startsWith("{\"seq\":0,\"type\":\"run-started\""), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"run-ended\""));
        CliRun check = CliRun.builtIn("check", history.toString());
        assertEquals(ExitCode.OK, check.exitCode(), check::toString);
        assertTrue(check.out().contains(lines.size() + " events: clean"), check.out());
        assertEquals(List.of(history), listing());
    }

    @Test
    void aZooVariantsHistoryNamesItsInvariant() throws IOException {
        // no-commit-gate places onto a node that turned ineligible: INV-1, found at seed 292
        // of the swarm as it was before it registered grouped jobs.
        Path history = dir.resolve("zoo.jsonl");
        CliRun run = CliRun.builtIn("run", "chaos-swarm", "--seed", "292", "--set",
                "groupedJobs=0", "--variant", "no-commit-gate", "--history",
                history.toString(), "--json");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals("INV-1", JSON.readTree(run.out()).get("violations").get(0)
                .get("invariant").asText());
        CliRun check = CliRun.builtIn("check", history.toString());
        assertEquals(ExitCode.VIOLATION, check.exitCode(), check::toString);
        assertTrue(check.out().startsWith("INV-1 at event #"), check.out());
        CliRun json = CliRun.builtIn("check", history.toString(), "--json");
        assertEquals(ExitCode.VIOLATION, json.exitCode(), json::toString);
        JsonNode report = JSON.readTree(json.out());
        JsonNode first = report.get("violations").get(0);
        assertEquals("INV-1", first.get("invariant").asText());
        assertTrue(first.has("seq") && first.has("atNanos") && first.has("node"), first::toString);
        assertTrue(report.get("skips").isArray());
    }

    @Test
    void aMonitorFindingNamesTheSameHistoryLineWithOrWithoutAFile() throws IOException {
        // Without --history the run's monitor is fed no heartbeat-sent (it reads none); their
        // places still count, so seq is the line of the file a --history run writes.
        String[] run = {"run", "chaos-swarm", "--seed", "6", "--variant", "ignore-system-ignored",
            "--set", "detector=nomad-ttl", "--json"};
        JsonNode plain = JSON.readTree(CliRun.builtIn(run).out());
        Path history = dir.resolve("ttl.jsonl");
        String[] withFile = java.util.Arrays.copyOf(run, run.length + 2);
        withFile[run.length] = "--history";
        withFile[run.length + 1] = history.toString();
        assertEquals(plain.get("violations"), JSON.readTree(CliRun.builtIn(withFile).out())
                .get("violations"));
        long seq = -1;
        for (JsonNode v : plain.get("violations")) {
            if (v.get("source").asText().equals("monitor")) {
                seq = v.get("seq").asLong();
                break;
            }
        }
        JsonNode checked = JSON.readTree(CliRun.builtIn("check", history.toString(), "--json")
                .out());
        assertEquals(seq, checked.get("violations").get(0).get("seq").asLong());
        List<String> lines = Files.readAllLines(history);
        assertTrue(lines.subList(0, (int) seq).stream().anyMatch(l -> l.contains(
                "\"type\":\"heartbeat-sent\"")), "heartbeats were left out before it");
    }

    @Test
    void aReplaysHistoryIsTheRunsHistory() throws IOException {
        // The shrunk zoo failure in docs/examples, replayed: the monitor finds the model's INV-4
        // in the history alone, and the file is the same whether written by run or replay.
        Path replayed = dir.resolve("replayed.jsonl");
        CliRun replay = CliRun.builtIn("replay", DocExcerptsTest.ROOT.resolve(
                "docs/examples/chaos-swarm-per-node-max-parallel-seed25-INV-4.json").toString(),
                "--history", replayed.toString());
        assertEquals(ExitCode.VIOLATION, replay.exitCode(), replay::toString);
        CliRun check = CliRun.builtIn("check", replayed.toString());
        assertEquals(ExitCode.VIOLATION, check.exitCode(), check::toString);
        assertTrue(check.out().startsWith("INV-4 at event #"), check.out());
        assertEquals(Files.readString(DocExcerptsTest.ROOT.resolve(
                "docs/examples/chaos-swarm-per-node-max-parallel-seed25-INV-4.history.jsonl")),
                Files.readString(replayed), "docs/examples keeps this replay's history");
    }

    @Test
    void aMalformedHistoryIsExitTwoNamingLineAndField() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"seq\":0,\"type\":\"run-started\",\"atNanos\":0,"
                + "\"format\":\"schedsim-history/1\",\"scenario\":\"x\",\"seed\":1,"
                + "\"variant\":\"\",\"detector\":\"NOMAD_TTL\"}\n"
                + "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":\"1\"}\n");
        CliRun check = CliRun.builtIn("check", bad.toString());
        assertEquals(ExitCode.INPUT, check.exitCode(), check::toString);
        assertEquals(1, check.errLines().size(), check::toString);
        String line = check.errLines().get(0);
        assertTrue(line.startsWith("schedsim: check: ") && line.contains("line 2: field 'node'"),
                line);
        assertEquals("", check.out());
        CliRun missing = CliRun.builtIn("check", dir.resolve("none.jsonl").toString());
        assertEquals(ExitCode.INPUT, missing.exitCode(), missing::toString);
        assertTrue(missing.errLines().get(0).contains("no such file"), missing::toString);
    }

    @Test
    void anUnwritableHistoryPathIsExitTwoBeforeTheRun() {
        CliRun run = CliRun.builtIn("run", "chaos-swarm", "--history",
                dir.resolve("no-such-dir").resolve("h.jsonl").toString());
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("schedsim: --history: cannot write"),
                run::toString);
        assertEquals("", run.out());
    }

    @Test
    void aScenarioThatCannotWriteAHistorySaysSo() {
        CliRun run = CliRun.of("run", "fake-cluster", "--history",
                dir.resolve("h.jsonl").toString());
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertFalse(Files.exists(dir.resolve("h.jsonl")));
        assertTrue(run.errLines().get(0).contains("cannot write a history"), run::toString);
    }

    private List<Path> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
