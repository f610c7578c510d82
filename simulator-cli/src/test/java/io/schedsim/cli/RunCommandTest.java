package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code schedsim run}: exit codes, the text report, and the JSON shape of CLI.md. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonHasExactlyTheFieldsOfCliMd() throws Exception {
        CliRun run = CliRun.of("run", "fake-cluster", "--seed", "7", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertEquals("", run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(List.of("scenario", "seed", "variant", "config", "resolved", "traceHash",
                "events", "simulatedMillis", "wallMillis", "stopReason", "stopDetail", "nodes",
                "tasks", "faults", "allocations", "latencyMillis", "violations"), names(json));
        assertEquals("fake-cluster", json.get("scenario").asText());
        assertEquals(7, json.get("seed").asLong());
        assertTrue(json.get("variant").isNull());
        assertEquals(List.of("workers", "tasks", "killIntervalMillis", "chaos", "crash",
                "placement"), names(json.get("config")));
        assertTrue(json.get("traceHash").asText().matches("[0-9a-f]{16}"));
        assertEquals(50, json.get("events").asLong());
        assertEquals(List.of("total", "killed", "down", "drained", "disconnected"),
                names(json.get("nodes")));
        assertEquals(List.of("submitted", "completed", "failed", "lost", "retries", "pending"),
                names(json.get("tasks")));
        assertEquals(List.of("planned", "fired", "skipped"), names(json.get("faults")));
        assertEquals(List.of("running", "unknown"), names(json.get("allocations")));
        assertEquals(List.of("service", "batch", "system", "sysbatch"),
                names(json.get("allocations").get("running")));
        assertEquals(List.of("service", "batch", "system", "sysbatch"),
                names(json.get("allocations").get("unknown")));
        assertEquals(List.of("taskCompletion", "failureDetection", "drainDuration"),
                names(json.get("latencyMillis")));
        assertEquals(List.of("count", "p50", "p99", "p999", "max"),
                names(json.get("latencyMillis").get("taskCompletion")));
        assertTrue(json.get("violations").isArray());
        assertEquals(0, json.get("violations").size());
    }

    @Test
    void violationsAreExitOneAndSerialized() throws Exception {
        CliRun run = CliRun.of("run", "fake-cluster", "--variant", "always-violates", "--json");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        JsonNode violation = JSON.readTree(run.out()).get("violations").get(0);
        assertEquals(List.of("invariant", "atMillis", "event", "message", "source"),
                names(violation));
        assertEquals("model", violation.get("source").asText());
        assertEquals("INV-1", violation.get("invariant").asText());
        assertEquals("always-violates", JSON.readTree(run.out()).get("variant").asText());
    }

    @Test
    void sameArgumentsSameHashOtherSeedOtherHash() throws Exception {
        String first = hash("run", "fake-cluster", "--seed", "-3", "--set", "tasks=200");
        assertEquals(first, hash("run", "fake-cluster", "--seed", "-3", "--set", "tasks=200"));
        assertNotEquals(first, hash("run", "fake-cluster", "--seed", "-4", "--set", "tasks=200"));
        assertNotEquals(first, hash("run", "fake-cluster", "--seed", "-3", "--set", "tasks=201"));
    }

    @Test
    void setOverridesTheConfigAndLastValueWins() throws Exception {
        CliRun run = CliRun.of("run", "fake-cluster", "--set", "tasks=5", "--set=workers=2",
                "--set", "tasks=9", "--set", "chaos=0.25", "--set", "placement=binpack", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode config = JSON.readTree(run.out()).get("config");
        assertEquals(9, config.get("tasks").asInt());
        assertEquals(2, config.get("workers").asInt());
        assertEquals(0.25, config.get("chaos").asDouble());
        assertEquals("binpack", config.get("placement").asText());
        assertEquals(9, JSON.readTree(run.out()).get("events").asLong());
    }

    @Test
    void textReportNamesTheRun() {
        CliRun run = CliRun.of("run", "fake-cluster", "--seed", "2");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("fake-cluster  seed 2  variant (correct model)"),
                run::toString);
        assertTrue(run.out().contains("trace hash"), run::toString);
        assertTrue(run.out().contains("taskCompletion"), run::toString);
        assertTrue(run.out().contains("violations   none"), run::toString);
    }

    @Test
    void textReportListsViolations() {
        CliRun run = CliRun.of("run", "fake-cluster", "--variant", "always-violates");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertTrue(run.out().contains("INV-1 at 0.005 s (event #2): fake violation"),
                run::toString);
    }

    @Test
    void failedModelCheckIsExitOneWithOneLine() {
        CliRun run = CliRun.of("run", "fake-cluster", "--variant", "check-fails", "--json");
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("schedsim: run: check failed: fake check"), run::toString);
    }

    @Test
    void internalErrorIsExitThreeWithOneLineAndAHint() {
        CliRun run = CliRun.of("run", "fake-cluster", "--set", "crash=true");
        assertEquals(ExitCode.INTERNAL, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("schedsim: internal error: fake crash"), run::toString);
        assertTrue(run.err().contains("-Dschedsim.debug=true"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    @Test
    void helpIsExitZeroOnStdout() {
        CliRun run = CliRun.of("run", "--help");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("--seed"), run::toString);
        assertEquals("", run.err());
    }

    private static String hash(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        CliRun run = CliRun.of(all.toArray(new String[0]));
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        return JSON.readTree(run.out()).get("traceHash").asText();
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
