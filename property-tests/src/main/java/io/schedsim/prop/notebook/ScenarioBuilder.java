package io.schedsim.prop.notebook;

import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.zoo.BugZoo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario with its config, seed and variant, ready to run; immutable, so a notebook can
 * derive many variations from one base. Runs use FIFO same-time order, exactly as
 * {@code schedsim run} does, so a run here has the trace hash the CLI prints.
 */
public final class ScenarioBuilder {
    private final ScenarioDefinition scenario;
    private final Map<String, Object> config;
    private final long seed;
    private final String variant;

    ScenarioBuilder(ScenarioDefinition scenario) {
        this(scenario, scenario.defaults(), 1, null);
    }

    private ScenarioBuilder(ScenarioDefinition scenario, Map<String, Object> config, long seed,
            String variant) {
        this.scenario = scenario;
        this.config = Collections.unmodifiableMap(config);
        this.seed = seed;
        this.variant = variant;
    }

    /**
     * Sets one knob (by its name or a former one); an unknown key or a bad value throws at once,
     * naming the key.
     */
    public ScenarioBuilder set(String key, Object value) {
        Knob knob = scenario.knob(key);
        if (knob == null) {
            throw new InputException("set " + key + ": unknown key for scenario "
                    + scenario.name() + " (known: " + String.join(", ", config.keySet()) + ")");
        }
        Map<String, Object> next = new LinkedHashMap<>(config);
        next.put(knob.name(), knob.parse(String.valueOf(value)));
        return new ScenarioBuilder(scenario, next, seed, variant);
    }

    public ScenarioBuilder seed(long next) {
        return new ScenarioBuilder(scenario, config, next, variant);
    }

    /** A bug-zoo variant by name; null for the correct model. */
    public ScenarioBuilder variant(String name) {
        BugZoo.find(name);
        return new ScenarioBuilder(scenario, config, seed, name);
    }

    public String name() {
        return scenario.name();
    }

    /** Knob name → value, in knob order. */
    public Map<String, Object> config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    /** Runs once, with the seed set by {@link #seed}. */
    public ScenarioRun run() {
        RunRequest request = new RunRequest(scenario.name(), seed, new LinkedHashMap<>(config),
                variant);
        return new ScenarioRun(scenario.execute(request, null, OrderingSpec.FIFO, null));
    }

    /** Runs once per seed in {@code first..last}, one after the other. */
    public RunSeries seeds(long first, long last) {
        if (last < first) {
            throw new InputException("seeds " + first + ".." + last + ": empty range");
        }
        List<ScenarioRun> runs = new ArrayList<>();
        for (long next = first; next <= last; next++) {
            runs.add(seed(next).run());
        }
        return new RunSeries(runs);
    }

    @Override
    public String toString() {
        return scenario.name() + " seed " + seed + (variant == null ? "" : " variant " + variant)
                + " " + config;
    }
}
