package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scenarios} and {@code variants}, as text and as JSON. */
class ListingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scenariosTextIsOneLinePerScenario() {
        CliRun run = CliRun.fakesOnly("scenarios");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertEquals(List.of(
                "fake-cluster  A fake cluster of workers running tasks, for CLI tests",
                "flaky         Not deterministic on purpose"), run.out().lines().toList());
    }

    @Test
    void scenariosJsonHasNameDescriptionConfigDefaultsAndKnobs() throws Exception {
        CliRun run = CliRun.fakesOnly("scenarios", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode first = JSON.readTree(run.out()).get(0);
        assertEquals(List.of("name", "description", "config", "knobs"),
                RunCommandTest.names(first));
        assertEquals("fake-cluster", first.get("name").asText());
        assertEquals(4, first.get("config").get("workers").asInt());
        assertEquals(1000, first.get("config").get("killIntervalMillis").asLong());
        assertEquals("spread", first.get("config").get("placement").asText());
        assertEquals(2, JSON.readTree(run.out()).size());
    }

    @Test
    void variantsJsonHasNameDescriptionProviderScenarioAndGuard() throws Exception {
        CliRun run = CliRun.fakesOnly("variants", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode variants = JSON.readTree(run.out());
        assertEquals(2, variants.size());
        assertEquals(List.of("name", "description", "provider", "scenario", "guard"),
                RunCommandTest.names(variants.get(0)));
        assertEquals("always-violates", variants.get(0).get("name").asText());
        assertEquals(FakePlugin.class.getName(), variants.get(0).get("provider").asText());
        assertEquals("fake-cluster", variants.get(0).get("scenario").asText());
        assertEquals("INV-1", variants.get(0).get("guard").asText());
        assertTrue(variants.get(1).get("guard").isNull());
    }

    @Test
    void variantsText() {
        CliRun run = CliRun.fakesOnly("variants");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertEquals("always-violates  Reports one violation", run.out().lines().findFirst()
                .orElseThrow());
    }

    @Test
    void everyZooVariantNamesItsScenarioGuardAndProvider() throws Exception {
        CliRun run = CliRun.builtIn("variants", "--json");
        JsonNode variants = JSON.readTree(run.out());
        assertEquals(42, variants.size(), run::toString);
        for (JsonNode variant : variants) {
            // The head kill is found soonest by ray-chaos, the scenario with a killer plan (the
            // last-worker floor only by chaos-swarm's rule-chosen kills); a preemption is
            // found soonest and smallest by ray-drain, whose max_retries 0 needs one preempted
            // death (chaos-swarm's Ray drains need more); unknown-lost-early by nomad-disconnect;
            // ineligible-keeps-old-version by nomad-job-update-ineligible; dropped-actor-task by
            // ray-actors, whose every actor has unlimited restarts and retries.
            String name = variant.get("name").asText();
            String target = name.equals("killer-takes-head") ? "ray-chaos"
                    : name.equals("spillback-twice") ? "ray-chaos"
                    : name.equals("counted-preemption") ? "ray-drain"
                    : name.equals("unknown-lost-early") ? "nomad-disconnect"
                    : name.equals("ineligible-keeps-old-version") ? "nomad-job-update-ineligible"
                    : name.equals("dropped-actor-task") ? "ray-actors"
                    : "chaos-swarm";
            assertEquals(target, variant.get("scenario").asText());
            // An invariant, or a rule an online check judges directly (N-22).
            assertTrue(variant.get("guard").asText().matches("(INV|N|R)-[0-9]+"),
                    variant::toString);
            assertTrue(variant.get("description").asText()
                    .endsWith("(" + variant.get("guard").asText() + ")"), variant::toString);
            assertEquals("io.schedsim.prop.plugin.BuiltInPlugin",
                    variant.get("provider").asText());
        }
    }

    @Test
    void theStandardPluginsAreTheDefault() {
        assertEquals(Plugins.STANDARD, Plugins.fromSystemProperties());
    }
}
