package io.schedsim.prop.notebook;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.UserCheck;
import io.schedsim.prop.spec.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run ready to go, as a {@link RunSpec} with a notebook's verbs; immutable, so a notebook can
 * derive many variations from one base. Runs use FIFO same-time order and the seed's own plan,
 * exactly as {@code schedsim run} does, so a run here has the trace hash the CLI prints.
 */
public final class ScenarioBuilder {
    private final RunSpec spec;
    private final Registry registry;

    ScenarioBuilder(RunSpec spec, Registry registry) {
        this.spec = spec;
        this.registry = registry;
    }

    /**
     * Sets one knob (by its name or a former one); an unknown key or a bad value throws at once,
     * naming the key.
     */
    public ScenarioBuilder set(String key, Object value) {
        if (spec.config().knob(key) == null) {
            throw new InputException("set " + key + ": unknown key for scenario "
                    + spec.scenario().name() + " (known: "
                    + String.join(", ", config().keySet()) + ")");
        }
        return new ScenarioBuilder(spec.with(key, value), registry);
    }

    public ScenarioBuilder seed(long next) {
        return new ScenarioBuilder(spec.withSeed(next), registry);
    }

    /** A registered variant by name; null for the correct model. */
    public ScenarioBuilder variant(String name) {
        return variant(registry.variant(name));
    }

    /** A variant given directly (a user's own components). */
    public ScenarioBuilder variant(Variant variant) {
        return new ScenarioBuilder(spec.withVariant(variant), registry);
    }

    /** Adds a user check, judged after each run. */
    public ScenarioBuilder check(UserCheck check) {
        return new ScenarioBuilder(spec.withCheck(check), registry);
    }

    public String name() {
        return spec.scenario().name();
    }

    /** Knob name → value, in knob order. */
    public Map<String, Object> config() {
        return spec.config().asMap();
    }

    /** The typed config. */
    public ScenarioConfig typedConfig() {
        return spec.config();
    }

    public long seed() {
        return spec.seed();
    }

    /** The run as one value, to pass to a search, a replay file or another tool. */
    public RunSpec spec() {
        return spec;
    }

    /** Runs once, with the seed set by {@link #seed}. */
    public ScenarioRun run() {
        return new ScenarioRun(spec.run(RunOptions.NONE));
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
        return spec.scenario().name() + " seed " + spec.seed()
                + (spec.variant().isCorrect() ? "" : " variant " + spec.variant().name()) + " "
                + spec.config();
    }
}
