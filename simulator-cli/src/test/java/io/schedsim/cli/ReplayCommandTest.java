package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.prop.replay.Checkpoints;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay re-runs a file exactly and reports it like run: exit 1 when the recorded violation is
 * reproduced, 0 when there is none, and exit 4 with one stderr line when the file's recorded
 * outcome is not reproduced, naming the first window of events that differs when the file has
 * checkpoints. Bad fields of a file are exit 2 naming the field.
 */
class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void reproducesTheViolationAndItsTraceHash() throws IOException {
        Path file = ReplayFixtures.write(dir.resolve("r.json"), ReplayFixtures.VARIANT, null);
        CliRun first = CliRun.of("replay", file.toString(), "--json");
        assertEquals(ExitCode.VIOLATION, first.exitCode(), first::toString);
        JsonNode result = JSON.readTree(first.out());
        assertEquals("INV-7", result.at("/violations/0/invariant").asText());
        assertFalse(result.get("reproduced").asBoolean(), "nothing recorded to reproduce");
        assertEquals("", first.err(), first::toString);

        String hash = result.get("traceHash").asText();
        ReplayFixtures.write(file, ReplayFixtures.VARIANT,
                new ReplayFile.Expected(hash, 0, "INV-7", "recorded"));
        CliRun second = CliRun.of("replay", file.toString(), "--json");
        assertEquals(ExitCode.VIOLATION, second.exitCode(), second::toString);
        JsonNode replayed = JSON.readTree(second.out());
        assertEquals(hash, replayed.get("traceHash").asText());
        assertTrue(replayed.get("reproduced").asBoolean(), second::toString);
        assertTrue(replayed.get("divergence").isNull(), second::toString);
        assertEquals("", second.err(), second::toString);
    }

    @Test
    void aCleanReplayIsExitZeroWithTheTextReport() throws IOException {
        Path file = ReplayFixtures.write(dir.resolve("r.json"), null, null);
        CliRun run = CliRun.of("replay", file.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("violations   none"), run::toString);
        assertTrue(run.out().startsWith("scenario     nomad-drain-ignore-system  seed 7"),
                run::toString);
        assertTrue(run.out().endsWith("reproduced   nothing to compare (the file records no "
                + "outcome)\n"), run::toString);
    }

    @Test
    void anUnreproducedOutcomeIsExitFourWithOneLine() throws IOException {
        Path file = ReplayFixtures.write(dir.resolve("r.json"), ReplayFixtures.VARIANT,
                new ReplayFile.Expected("0123456789abcdef", 0, "INV-7", "recorded"));
        CliRun run = CliRun.of("replay", file.toString(), "--json");
        assertEquals(ExitCode.NOT_REPRODUCED, run.exitCode(), run::toString);
        JsonNode result = JSON.readTree(run.out());
        assertFalse(result.get("reproduced").asBoolean());
        String expected = "recorded trace hash 0123456789abcdef with INV-7; this run: trace hash "
                + result.get("traceHash").asText() + " over " + result.get("events").asText()
                + " events with INV-7 at event #" + result.at("/violations/0/event").asText()
                + " (" + String.format(Locale.ROOT, "%.3f s",
                        result.at("/violations/0/atMillis").asLong() / 1000.0)
                + "); the file records no checkpoints, so the first divergent event is unknown";
        assertEquals(expected, result.get("divergence").asText());
        assertEquals(List.of("schedsim: replay: did not reproduce " + file + ": " + expected),
                run.errLines());
    }

    @Test
    void checkpointsNameTheFirstWindowThatDiffers() throws IOException {
        Path file = ReplayFixtures.write(dir.resolve("r.json"), null, null);
        String hash = JSON.readTree(CliRun.of("replay", file.toString(), "--json").out())
                .get("traceHash").asText();
        Checkpoints.Recorder recorder = new Checkpoints.Recorder(10, null);
        ReplayFile replay = ReplayFiles.read(file, ReplayFixtures.REGISTRY);
        Replayer.replay(replay, recorder);
        List<String> hashes = new ArrayList<>(recorder.checkpoints().hashes());
        assertEquals(JSON.readTree(CliRun.of("replay", file.toString(), "--json").out())
                .get("events").asLong() / 10, hashes.size());
        // As if the recorded run had differed from event #30 on: so did its final hash.
        for (int window = 3; window < hashes.size(); window++) {
            hashes.set(window, "0000000000000000");
        }
        ReplayFixtures.write(file, null, new ReplayFile.Expected("00000000" + hash.substring(8),
                null, null, null, new Checkpoints(10, hashes)));
        CliRun run = CliRun.of("replay", file.toString());
        assertEquals(ExitCode.NOT_REPRODUCED, run.exitCode(), run::toString);
        assertTrue(run.err().endsWith("; first divergence within events #30..#39\n"),
                run::toString);
    }
    @Test
    void theSeedsOwnPlanReplaysToTheSameHashAsRun() throws IOException {
        RunSpec spec = RunSpec.of(ReplayFixtures.REGISTRY.scenario("nomad-drain-ignore-system"))
                .withSeed(2);
        RunOutcome outcome = spec.run();
        Path file = ReplayFiles.write(ReplayFile.of(spec.withPlan(outcome.plan()), null, null),
                ReplayFixtures.REGISTRY, dir.resolve("seed2.json"));
        CliRun replay = CliRun.of("replay", file.toString(), "--json");
        CliRun run = CliRun.builtIn("run", "nomad-drain-ignore-system", "--seed", "2", "--json");
        assertEquals(ExitCode.OK, replay.exitCode(), replay::toString);
        assertEquals(JSON.readTree(run.out()).get("traceHash"),
                JSON.readTree(replay.out()).get("traceHash"));
    }

    @Test
    void aFileThatCallsTheCaseKnobVariantStillReplays() throws IOException {
        RunSpec spec = RunSpec.of(ReplayFixtures.REGISTRY.scenario("ray-retry-counting"))
                .withSeed(3).with("case", "b");
        RunOutcome outcome = spec.run();
        Path file = ReplayFiles.write(ReplayFile.of(spec.withPlan(outcome.plan()),
                new ReplayFile.Expected(outcome.result().traceHash(), outcome.result().events(),
                        null, null), null), ReplayFixtures.REGISTRY, dir.resolve("c.json"));
        String renamed = Files.readString(file).replace("\"case\"", "\"variant\"");
        assertTrue(renamed.contains("\"variant\" : \"b\""), renamed);
        Files.writeString(file, renamed);
        CliRun replay = CliRun.of("replay", file.toString(), "--json");
        assertEquals(ExitCode.OK, replay.exitCode(), replay::toString);
        JsonNode result = JSON.readTree(replay.out());
        assertTrue(result.get("reproduced").asBoolean(), replay::toString);
        assertEquals("b", result.at("/config/case").asText(), replay::toString);
    }

    @Test
    void writesTraceTimelineAndPerfettoFiles() throws IOException {
        Path file = ReplayFixtures.write(dir.resolve("r.json"), ReplayFixtures.VARIANT, null);
        Path out = Files.createDirectory(dir.resolve("out"));
        CliRun run = CliRun.of("replay", file.toString(), "--trace", out.resolve("t.jsonl")
                .toString(), "--timeline", out.resolve("t.html").toString(), "--perfetto",
                out.resolve("p.json").toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertTrue(Files.readString(out.resolve("t.html")).contains("INV-7 at "));
        assertTrue(JSON.readTree(out.resolve("p.json").toFile()).get("traceEvents").size() > 10);
        assertTrue(Files.size(out.resolve("t.jsonl")) > 0);
        try (var files = Files.list(out)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void badFieldsAreNamed() throws IOException {
        Path good = ReplayFixtures.write(dir.resolve("good.json"), null, null);
        assertField(good, "/spec/scenario/name", "\"nope\"",
                "field 'spec.scenario': unknown scenario 'nope'");
        assertField(good, "/spec/variant", "{\"name\": \"nope\", \"provider\": null}",
                "field 'spec.variant': unknown variant 'nope'");
        assertField(good, "/spec/config/nodes", "0",
                "field 'spec.config.nodes': must be within [2, 1000], got 0");
        assertField(good, "/spec/config/nodes", null, "field 'spec.config.nodes': missing");
        assertField(good, "/spec/config/extra", "1", "field 'spec.config.extra': unknown key");
        assertField(good, "/spec/ordering/kind", "\"zigzag\"",
                "field 'spec.ordering': unknown ordering 'zigzag'");
        assertField(good, "/spec/faultPlan/actions/0/type", "\"meteor\"",
                "field 'spec.faultPlan.actions[0]': Could not resolve type id 'meteor'");
        assertField(good, "/spec/seed", "\"seven\"", "field 'spec.seed': expected an integer");
        assertField(good, "/spec/faultPlan", null, "field 'spec.faultPlan': missing");
    }

    @Test
    void badTimesNodesDeadlinesOrderingsAndHashesAreNamed() throws IOException {
        Path good = ReplayFixtures.write(dir.resolve("good.json"), null, null);
        assertField(good, "/spec/faultPlan/actions/0/atMillis", "9223372036854775000",
                "field 'spec.faultPlan.actions[0].atMillis': must be within [0, 86400000000]");
        assertField(good, "/spec/faultPlan/actions/0/atMillis", "60000.5",
                "field 'spec.faultPlan.actions[0].atMillis': expected a whole number, got a fraction");
        assertField(good, "/spec/faultPlan/actions/0/deadlineMillis", "-5",
                "field 'spec.faultPlan.actions[0].deadlineMillis': must be >= 0, or -1000 for -force");
        assertField(good, "/spec/faultPlan/actions/0/node", "3",
                "field 'spec.faultPlan.actions[0].node': "
                + "no node 3 in this run (its 3 nodes are 0..2): t=60.000s drain node=3");
        assertField(good, "/spec/ordering", "{\"kind\": \"pct\", \"changePoints\": -2, "
                + "\"expectedEvents\": 100}", "field 'spec.ordering.changePoints': must be within "
                + "[0, 1000]: -2");
        assertField(good, "/spec/config/drainAtMillis", "60000.5",
                "field 'spec.config.drainAtMillis': expected long, got '60000.5'");
        assertField(good, "/expected", "{\"traceHash\": \"12ab\"}",
                "field 'expected.traceHash': expected a string of 16 hex digits, got \"12ab\"");
        assertField(good, "/expected", "{\"traceHash\": \"0123456789abcdeg\"}",
                "field 'expected.traceHash': expected a string of 16 hex digits");
    }

    @Test
    void deepNestingIsNamedNotACrash() throws IOException {
        String deep = "[".repeat(2_000) + "1" + "]".repeat(2_000);
        assertField("{\"format\": \"schedsim-replay/1\", \"x\": " + deep + "}",
                "field 'x': nested deeper than 32 levels");
        Path good = ReplayFixtures.write(dir.resolve("good.json"), null, null);
        String nested = "{\"a\": ".repeat(100) + "1" + "}".repeat(100);
        assertField(good, "/shrink", nested, "field 'shrink': nested deeper than 32 levels");
    }

    /** Sets (or removes, for null) the field at {@code pointer}, then expects exit 2. */
    private void assertField(Path good, String pointer, String value, String expected)
            throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(good.toFile());
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) root.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (value == null) {
            parent.remove(name);
        } else {
            parent.set(name, JSON.readTree(value));
        }
        assertField(JSON.writeValueAsString(root), expected);
    }

    private void assertField(String text, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), text);
        CliRun run = CliRun.of("replay", file.toString());
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("schedsim: replay file " + file + ": " + expected),
                () -> "expected " + expected + "\n" + run);
        assertEquals("", run.out());
    }
}
