package io.schedsim.prop.notebook;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the notebook API, for jshell ({@code schedsim jshell}) and quick programs:
 * <pre>{@code
 * Scenarios.rayChaos().set("workers", 20).seed(7).run().report()
 * Scenarios.of("chaos-swarm").seed(3).run().violations()
 * Scenarios.of("ray-chaos").set("tasks", 500).seeds(1, 20).latency("failureDetection")
 * }</pre>
 * Every builder is immutable; {@code set} checks the key and value at once, like {@code --set}.
 * Names resolve in {@link Registry#load()}: the built-ins and the plugins on the class path.
 */
public final class Scenarios {
    private Scenarios() {}

    /** The scenario called {@code name} at its defaults, seed 1, the correct model. */
    public static ScenarioBuilder of(String name) {
        Registry registry = Registry.load();
        return new ScenarioBuilder(RunSpec.of(registry.scenario(name)), registry);
    }

    /** A scenario given directly (a user's own, or a {@code CustomScenario}), at its defaults. */
    public static ScenarioBuilder of(Scenario scenario) {
        return new ScenarioBuilder(RunSpec.of(scenario), Registry.load());
    }

    /** SC-1: Ray's chaos_many_tasks_terminate_instance. */
    public static ScenarioBuilder rayChaos() {
        return of("ray-chaos");
    }

    /** SC-2/2b: Nomad's drain -ignore-system under concurrent eligibility flips. */
    public static ScenarioBuilder nomadDrainIgnoreSystem() {
        return of("nomad-drain-ignore-system");
    }

    /** The swarm scenario sweeps target by default. */
    public static ScenarioBuilder chaosSwarm() {
        return of("chaos-swarm");
    }

    /** The names of every registered scenario. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Scenario scenario : Registry.load().scenarios()) {
            names.add(scenario.name());
        }
        return names;
    }

    /** A table of every registered scenario and its description. */
    public static Table list() {
        Table table = Table.of("scenario", "description");
        for (Scenario scenario : Registry.load().scenarios()) {
            table.row(scenario.name(), scenario.description());
        }
        return table;
    }
}
