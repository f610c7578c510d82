package io.schedsim.prop.spec;

import io.schedsim.model.ModelComponents;
import java.util.Objects;

/**
 * A model to run: named {@link ModelComponents}, usually the correct ones with one component
 * replaced, registered by constructor reference:
 * <pre>{@code
 * Variant.of("my-drainer", "drains without waiting", ModelComponents.defaults()
 *         .withDrainer(MyDrainer::new))
 * }</pre>
 * A variant goes straight into a {@link RunSpec}, a search or a {@code PropertyCheck}, or is
 * registered by a {@link io.schedsim.prop.plugin.SchedsimPlugin} so that {@code --variant NAME}
 * finds it. Replay files record it by name and provider; its components never leave the JVM.
 *
 * @param scenario the scenario whose sweep finds it ({@code chaos-swarm} unless said otherwise)
 * @param guard the invariant (or check) it trips, e.g. {@code INV-3}; null when not stated
 * @param provider the plugin class that registered it (set by the registry); null when the
 *     variant was given directly
 */
public record Variant(String name, String description, ModelComponents components,
        String scenario, String guard, String provider) {
    /** The scenario a variant's sweep targets when it says none. */
    public static final String DEFAULT_SCENARIO = "chaos-swarm";
    /** The correct model: the default components. Not a registered variant. */
    public static final Variant CORRECT = new Variant("correct", "the correct model",
            ModelComponents.defaults(), DEFAULT_SCENARIO, null, null);

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(scenario, "scenario");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a variant needs a name");
        }
    }

    /** A variant of {@code components}, targeting {@value #DEFAULT_SCENARIO}. */
    public static Variant of(String name, String description, ModelComponents components) {
        return new Variant(name, description, components, DEFAULT_SCENARIO, null, null);
    }

    public Variant withScenario(String target) {
        return new Variant(name, description, components, target, guard, provider);
    }

    public Variant withGuard(String invariant) {
        return new Variant(name, description, components, scenario, invariant, provider);
    }

    public Variant withProvider(String pluginClass) {
        return new Variant(name, description, components, scenario, guard, pluginClass);
    }

    /** True for {@link #CORRECT}, which runs and reports as "no variant". */
    public boolean isCorrect() {
        return this == CORRECT;
    }

    @Override
    public String toString() {
        return name;
    }
}
