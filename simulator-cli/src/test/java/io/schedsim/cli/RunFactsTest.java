package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What a run's report claims is true: derived values appear resolved beside the config as given
 * (which, with the trace hash, stays what it was), the stop reason says why the run ended, and a
 * knob given by its former name is the same run.
 */
class RunFactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode run(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--json";
        CliRun run = CliRun.builtIn(all);
        assertTrue(run.exitCode() <= ExitCode.VIOLATION, run::toString);
        return JSON.readTree(run.out());
    }

    @Test
    void rayChaosResolvesItsTaskCountNodeTotalAndKills() throws Exception {
        JsonNode result = run("run", "ray-chaos");
        assertEquals(0, result.at("/config/tasks").asInt(), "config stays as given");
        assertEquals(21_600, result.at("/resolved/tasks").asInt());
        assertEquals(result.at("/tasks/submitted"), result.at("/resolved/tasks"));
        assertEquals(10, result.at("/resolved/nodes").asInt());
        assertEquals(result.at("/nodes/total"), result.at("/resolved/nodes"));
        assertEquals(60_000, result.at("/resolved/killIntervalMillis").asLong());
        assertEquals(2, result.at("/resolved/killAtMillis").size());
        assertEquals("9e9dfe80f4e00ca3", result.get("traceHash").asText(),
                "resolving values must not move the default run");
        assertEquals("END_CONDITION", result.get("stopReason").asText());
        assertTrue(result.get("stopDetail").asText().startsWith(
                "every task had finished or failed at "), result::toString);
    }

    @Test
    void eligibilityFlipsResolveToWhatThePlanHolds() throws Exception {
        JsonNode result = run("run", "nomad-drain-ignore-system", "--seed", "2");
        assertEquals(12, result.at("/config/flips").asInt());
        assertEquals(15, result.at("/resolved/faultActions/eligibility-flip").asInt());
        assertEquals(result.at("/faults/fired/eligibility-flip"),
                result.at("/resolved/faultActions/eligibility-flip"));
        assertEquals("9247a9937ed783c2", result.get("traceHash").asText());
        assertEquals("END_CONDITION", result.get("stopReason").asText());
        assertEquals("the cluster was quiescent at 120.002 s", result.get("stopDetail").asText());
    }

    @Test
    void aRunCutShortByItsHorizonSaysSo() throws Exception {
        JsonNode result = run("run", "ray-chaos", "--set", "horizonMillis=100000");
        assertEquals("HORIZON", result.get("stopReason").asText());
        assertEquals("reached the horizon at 100.000 s before every task had finished or failed",
                result.get("stopDetail").asText());
        assertTrue(result.at("/tasks/pending").asLong() > 0, result::toString);
    }

    @Test
    void aViolationThatStopsTheRunSaysSo() throws Exception {
        JsonNode result = run("run", "chaos-swarm", "--seed", "2", "--variant",
                "ignore-system-ignored");
        assertEquals("INV-7", result.at("/violations/0/invariant").asText(), result::toString);
        assertEquals("VIOLATION", result.get("stopReason").asText());
        assertTrue(result.get("stopDetail").asText().startsWith(
                "the first violation stopped the run at "), result::toString);
    }

    @Test
    void aConfigTooBigForTheHeapIsRefusedAtOnce() {
        long needed = 100_001L * 800 + 50_000_000L * 136;
        assumeTrue(Runtime.getRuntime().maxMemory() < needed, "this JVM's heap would fit it");
        CliRun run = CliRun.builtIn("run", "ray-chaos", "--set", "workers=100000", "--set",
                "tasks=50000000");
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("schedsim: ray-chaos: this config needs about 6.4 GB of "
                + "heap"), run::toString);
        assertTrue(run.err().contains("run with JAVA_OPTS=-Xmx10g"), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void theCaseKnobByItsFormerNameIsTheSameRunWithTheSameHash() throws Exception {
        JsonNode renamed = run("run", "nomad-drain-force", "--set", "case=batch");
        JsonNode former = run("run", "nomad-drain-force", "--set", "variant=batch");
        assertEquals("batch", renamed.at("/config/case").asText());
        assertTrue(renamed.at("/config/variant").isMissingNode());
        assertEquals(renamed.get("config"), former.get("config"));
        // Recorded before the rename (as --set variant=batch); a knob's name is not in the trace.
        assertEquals("fdb8f0251397db6d", renamed.get("traceHash").asText());
        assertEquals(renamed.get("traceHash"), former.get("traceHash"));
    }
}
