package io.schedsim.prop.scenario;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.HistorySink;
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

    /**
     * Runs with an explicit fault plan (null: generate it from the seed) and ordering; replay and
     * the property search use this. Built-in scenarios support it.
     */
    default RunOutcome execute(RunRequest request, FaultPlan planOrNull, OrderingSpec ordering,
            TraceSink traceSink) {
        throw new InputException("scenario " + name() + " cannot run with an explicit plan");
    }

    /**
     * As {@link #execute(RunRequest, FaultPlan, OrderingSpec, TraceSink)}, with the run's
     * observable history (docs/history.md) also written to {@code historyOut}. Built-in scenarios
     * support it; others refuse a history they cannot produce.
     */
    default RunOutcome execute(RunRequest request, FaultPlan planOrNull, OrderingSpec ordering,
            TraceSink traceSink, HistorySink historyOut) {
        if (historyOut != HistorySink.NONE) {
            throw new InputException("--history: scenario " + name() + " cannot write a history");
        }
        return execute(request, planOrNull, ordering, traceSink);
    }

    /** Candidate configs one step smaller than {@code config}, for the shrinker. */
    default java.util.List<Map<String, Object>> simplerConfigs(Map<String, Object> config) {
        return java.util.List.of();
    }

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
