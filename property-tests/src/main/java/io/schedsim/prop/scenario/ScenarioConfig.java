package io.schedsim.prop.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario's config: one validated value for every knob, in knob order, immutable. Built from
 * a scenario's defaults and changed by name ({@link #with}, {@link #withAll}), each value parsed
 * and range-checked by its {@link Knob} at once, so a config that exists is a config that runs.
 * A knob answers to its former names too ({@code case} was {@code variant}). Typed reads
 * ({@link #intValue}, ...) are what scenarios build their clusters from.
 */
public final class ScenarioConfig {
    private final String scenario;
    private final List<Knob> knobs;
    private final Map<String, Object> values;

    private ScenarioConfig(String scenario, List<Knob> knobs, Map<String, Object> values) {
        this.scenario = scenario;
        this.knobs = List.copyOf(knobs);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every knob of {@code scenario} at its default. */
    public static ScenarioConfig defaults(Scenario scenario) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Knob knob : scenario.knobs()) {
            values.put(knob.name(), knob.defaultValue());
        }
        return new ScenarioConfig(scenario.name(), scenario.knobs(), values);
    }

    /**
     * The config holding {@code values}, validated: every knob must be there (under its name or a
     * former one), nothing else may be. Values may be text or numbers (as JSON gives them).
     */
    public static ScenarioConfig of(Scenario scenario, Map<String, ?> values) {
        ScenarioConfig config = defaults(scenario);
        Map<String, Object> next = new LinkedHashMap<>();
        for (Knob knob : config.knobs) {
            Object value = null;
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                if (knob.answersTo(entry.getKey()) && entry.getValue() != null) {
                    value = entry.getValue();
                }
            }
            if (value == null && knob.valueWhenAbsent() != null && !mentions(values, knob)) {
                value = knob.valueWhenAbsent();
            }
            if (value == null) {
                throw new InputException("config." + knob.name() + ": missing value");
            }
            next.put(knob.name(), knob.coerce(value));
        }
        for (String key : values.keySet()) {
            if (config.knob(key) == null) {
                throw new InputException("config." + key + ": unknown key for scenario "
                        + scenario.name());
            }
        }
        return new ScenarioConfig(scenario.name(), config.knobs, next);
    }

    /** True if {@code values} names {@code knob} at all (a null value is still a mention). */
    private static boolean mentions(Map<String, ?> values, Knob knob) {
        for (String key : values.keySet()) {
            if (knob.answersTo(key)) {
                return true;
            }
        }
        return false;
    }

    /** This config with the knob called {@code key} (or formerly so) set to {@code value}. */
    public ScenarioConfig with(String key, Object value) {
        Knob knob = knob(key);
        if (knob == null) {
            throw new InputException("--set " + key + ": unknown key for scenario " + scenario
                    + " (known: " + String.join(", ", values.keySet()) + ")");
        }
        Map<String, Object> next = new LinkedHashMap<>(values);
        next.put(knob.name(), knob.parse(String.valueOf(value)));
        return new ScenarioConfig(scenario, knobs, next);
    }

    /**
     * This config with {@code --set} texts applied, each parsed and validated. A former knob name
     * counts as the knob's name; naming one knob by both is an error.
     */
    public ScenarioConfig withAll(Map<String, String> overrides) {
        ScenarioConfig config = this;
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            Knob knob = knob(entry.getKey());
            if (knob != null) {
                String earlier = givenAs.put(knob.name(), entry.getKey());
                if (earlier != null) {
                    throw new InputException("--set " + entry.getKey() + ": the same knob as "
                            + "--set " + earlier + " (" + String.join(", ", knob.formerNames())
                            + " is a former name of " + knob.name() + "); give it once");
                }
            }
            config = config.with(entry.getKey(), entry.getValue());
        }
        return config;
    }

    /** The knob called {@code key}, by its name or a former name; null if there is none. */
    public Knob knob(String key) {
        for (Knob knob : knobs) {
            if (knob.answersTo(key)) {
                return knob;
            }
        }
        return null;
    }

    /** The name of the scenario whose knobs these are. */
    public String scenario() {
        return scenario;
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("config has no knob " + name);
        }
        return value;
    }

    public int intValue(String name) {
        return ((Number) get(name)).intValue();
    }

    public long longValue(String name) {
        return ((Number) get(name)).longValue();
    }

    public double doubleValue(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean booleanValue(String name) {
        return (Boolean) get(name);
    }

    public String stringValue(String name) {
        return (String) get(name);
    }

    /** Knob name → value, in knob order; unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScenarioConfig that && scenario.equals(that.scenario)
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenario, values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
