package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog holds one scenario per SC-* of SEMANTICS §5 in SC order, ray-chaos first,
 * then the rule scenarios beyond SEMANTICS §5 (nomad-disconnect, nomad-constraints, ray-actors,
 * nomad-job-update-ineligible, nomad-task-groups, ray-placement),
 * and chaos-swarm last; each SC description cites its SC id and every knob is named in
 * lowerCamelCase.
 */
class BuiltInScenariosTest {
    @Test
    void oneScenarioPerScInOrder() {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Scenario scenario : Registry.builtIn().scenarios()) {
            names.add(scenario.name());
            String description = scenario.description();
            if (description.startsWith("SC-")) {
                ids.add(description.substring(0, description.indexOf(':')));
            }
        }
        assertEquals(List.of("ray-chaos", "nomad-drain-ignore-system", "nomad-drain-deadline",
                "nomad-drain-force", "nomad-drain-keep-ineligible",
                "nomad-max-parallel-two-nodes", "nomad-node-down-while-draining",
                "nomad-batch-after-deadline", "nomad-system-replaced-on-eligible",
                "ray-retry-counting", "ray-infeasible-pending", "detection-bounds",
                "ray-blackout-no-false-positive", "nomad-drain-all-job-types", "ray-drain",
                "nomad-disconnect", "nomad-constraints", "ray-actors",
                "nomad-job-update-ineligible", "nomad-task-groups", "ray-placement",
                "chaos-swarm"),
                names);
        assertEquals(List.of("SC-1", "SC-2/2b", "SC-3", "SC-4", "SC-5", "SC-6", "SC-7", "SC-8",
                "SC-9", "SC-10", "SC-11", "SC-12", "SC-13", "SC-14"), ids);
    }

    @Test
    void knobsAreLowerCamelCaseWithValidDefaults() {
        for (Scenario scenario : Registry.builtIn().scenarios()) {
            assertEquals(scenario.knobs().size(), scenario.defaults().asMap().size(),
                    scenario.name() + " repeats a knob name");
            for (Knob knob : scenario.knobs()) {
                assertTrue(knob.name().matches("[a-z][A-Za-z0-9]*"), knob.name());
                assertEquals(knob.defaultValue(), knob.coerce(knob.defaultValue()),
                        scenario.name() + " " + knob.name());
            }
        }
    }
}
