package io.schedsim.prop.notebook;

import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.scenario.ScenarioDefinition;
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
 */
public final class Scenarios {
    private Scenarios() {}

    /** The built-in scenario called {@code name} at its defaults, seed 1, the correct model. */
    public static ScenarioBuilder of(String name) {
        return new ScenarioBuilder(ScenarioCatalog.find(name));
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

    /** The names of every built-in scenario. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ScenarioDefinition scenario : ScenarioCatalog.all()) {
            names.add(scenario.name());
        }
        return names;
    }

    /** A table of every built-in scenario and its description. */
    public static Table list() {
        Table table = Table.of("scenario", "description");
        for (ScenarioDefinition scenario : ScenarioCatalog.all()) {
            table.row(scenario.name(), scenario.description());
        }
        return table;
    }
}
