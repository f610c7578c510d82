package io.schedsim.prop.scenario;

import io.schedsim.prop.scenario.builtin.BuiltInScenarios;
import java.util.ArrayList;
import java.util.List;

/** The built-in scenarios, in the order {@code schedsim scenarios} lists them. */
public final class ScenarioCatalog {
    private static final List<ScenarioDefinition> SCENARIOS = BuiltInScenarios.all();

    private ScenarioCatalog() {}

    public static List<ScenarioDefinition> all() {
        return List.copyOf(SCENARIOS);
    }

    /** The scenario called {@code name}, or an {@link InputException} listing the known ones. */
    public static ScenarioDefinition find(String name) {
        for (ScenarioDefinition scenario : SCENARIOS) {
            if (scenario.name().equals(name)) {
                return scenario;
            }
        }
        List<String> names = new ArrayList<>();
        SCENARIOS.forEach(s -> names.add(s.name()));
        throw new InputException("unknown scenario '" + name + "' (known: "
                + String.join(", ", names) + ")");
    }
}
