package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code describe} and the {@code knobs} of {@code scenarios --json}: every config key has a
 * documented knob entry, units and ranges where they apply, and the renamed case knob says so.
 */
class DescribeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyConfigKeyOfEveryBuiltInScenarioHasAKnobEntry() throws Exception {
        CliRun run = CliRun.builtIn("scenarios", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        for (JsonNode scenario : JSON.readTree(run.out())) {
            List<String> documented = new ArrayList<>();
            for (JsonNode knob : scenario.get("knobs")) {
                assertFalse(knob.get("description").asText().isBlank(), knob::toString);
                assertEquals(scenario.at("/config/" + knob.get("name").asText()),
                        knob.get("default"), knob::toString);
                boolean numeric = List.of("int", "long", "double")
                        .contains(knob.get("type").asText());
                assertEquals(numeric, knob.has("unit"), knob::toString);
                assertEquals(numeric, knob.has("min") && knob.has("max"), knob::toString);
                assertEquals(!numeric, knob.has("allowed"), knob::toString);
                documented.add(knob.get("name").asText());
            }
            List<String> keys = new ArrayList<>();
            for (Iterator<String> names = scenario.get("config").fieldNames(); names.hasNext(); ) {
                keys.add(names.next());
            }
            assertEquals(keys, documented, scenario.get("name").asText());
        }
    }

    @Test
    void rayChaosKnobsCarryUnitsAndRanges() throws Exception {
        CliRun run = CliRun.builtIn("describe", "ray-chaos", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode workers = JSON.readTree(run.out()).at("/knobs/0");
        assertEquals("{\"name\":\"workers\",\"description\":\"worker nodes besides the 0-CPU "
                + "head\",\"type\":\"int\",\"unit\":\"nodes\",\"default\":9,\"min\":1,"
                + "\"max\":100000}", workers.toString());
    }

    @Test
    void describeTextListsEveryKnobAndTheFormerName() {
        CliRun run = CliRun.builtIn("describe", "ray-retry-counting");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ray-retry-counting: SC-10"), run::toString);
        assertEquals("knob", lines.get(2).split(" +")[0]);
        assertTrue(lines.get(3).matches("case +a +- +a\\|b +a: max_retries kills.*"),
                lines.get(3));
        assertTrue(lines.get(4).matches("maxRetries +3 +retries +-1\\.\\.1000 +max_retries.*"),
                lines.get(4));
        assertTrue(run.out().contains("'case' was called 'variant'"), run::toString);
    }

    @Test
    void anUnknownScenarioIsExitTwo() {
        CliRun run = CliRun.builtIn("describe", "nope");
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("schedsim: unknown scenario 'nope' (known: ray-chaos,"),
                run::toString);
    }
}
