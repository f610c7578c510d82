package io.schedsim.prop.scenario;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.fault.plan.FaultPlan;
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
     * Runs a plan read from a file (replay): as {@link #execute}, except that a plan naming a
     * node slot the run does not have is an {@link InputException} naming the action's field,
     * before anything runs. Plans the search derives keep the lenient path: one that outlives a
     * smaller config's nodes records those actions as skipped.
     */
    default RunOutcome replay(RunRequest request, FaultPlan plan, OrderingSpec ordering,
            TraceSink traceSink) {
        return execute(request, plan, ordering, traceSink);
    }

    /** What a run of {@code config} holds in memory, estimated before it is built. */
    default Footprint footprint(Map<String, Object> config) {
        return Footprint.SMALL;
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

    /** The knob called {@code key}, by its name or a former name; null if there is none. */
    default Knob knob(String key) {
        for (Knob knob : knobs()) {
            if (knob.answersTo(key)) {
                return knob;
            }
        }
        return null;
    }

    /**
     * The full config: defaults overridden by {@code --set} texts, each parsed and validated. A
     * former knob name counts as the knob's name; naming one knob by both is an error.
     */
    default Map<String, Object> configWith(Map<String, String> overrides) {
        Map<String, Object> config = defaults();
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            Knob knob = knob(entry.getKey());
            if (knob == null) {
                throw new InputException("--set " + entry.getKey() + ": unknown key for scenario "
                        + name() + " (known: " + String.join(", ", defaults().keySet()) + ")");
            }
            String earlier = givenAs.put(knob.name(), entry.getKey());
            if (earlier != null) {
                throw new InputException("--set " + entry.getKey() + ": the same knob as --set "
                        + earlier + " (" + String.join(", ", knob.formerNames())
                        + " is a former name of " + knob.name() + "); give it once");
            }
            config.put(knob.name(), knob.parse(entry.getValue()));
        }
        return config;
    }
}
