package io.schedsim.prop.scenario.builtin;

import io.schedsim.prop.scenario.ScenarioDefinition;
import java.util.List;

/** Every built-in scenario, in listing order. */
public final class BuiltInScenarios {
    private BuiltInScenarios() {}

    public static List<ScenarioDefinition> all() {
        return List.of(new RayChaos(), new NomadDrainIgnoreSystem(), new ChaosSwarm());
    }
}
