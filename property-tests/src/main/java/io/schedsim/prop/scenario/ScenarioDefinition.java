package io.schedsim.prop.scenario;

import io.schedsim.core.trace.TraceSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A built-in scenario: a name, a one-line description, its knobs, and how to run it. */
public interface ScenarioDefinition {
    String name();

    String description();

    /** Every knob of the scenario, in the order reports print them. */
    List<Knob> knobs();

    /** Runs one simulation; {@code request.config()} holds a validated value for every knob. */
    RunResult run(RunRequest request, TraceSink traceSink);

    /** Knob name → default value, in knob order. */
    default Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Knob knob : knobs()) {
            defaults.put(knob.name(), knob.defaultValue());
        }
        return defaults;
    }

    /** The full config: defaults overridden by {@code --set} texts, each parsed and validated. */
    default Map<String, Object> configWith(Map<String, String> overrides) {
        Map<String, Object> config = defaults();
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            Knob knob = knobs().stream().filter(k -> k.name().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new InputException("--set " + entry.getKey()
                            + ": unknown key for scenario " + name() + " (known: "
                            + String.join(", ", defaults().keySet()) + ")"));
            config.put(knob.name(), knob.parse(entry.getValue()));
        }
        return config;
    }
}
