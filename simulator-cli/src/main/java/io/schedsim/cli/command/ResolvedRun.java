package io.schedsim.cli.command;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.Footprint;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.RunSpec;
import java.util.Map;

/** A run spec built and validated from command-line text, before anything runs. */
final class ResolvedRun {
    private ResolvedRun() {}

    /**
     * Looks up the scenario and variant and parses every override; throws on bad input, and on a
     * config whose estimated heap exceeds this JVM's (before a sweep starts its threads). The
     * spec draws its plan from the seed and runs FIFO, as {@code run} does.
     */
    static RunSpec resolve(Registry registry, String scenarioName, long seed,
            Map<String, String> overrides, String variantName) {
        Scenario scenario = registry.scenario(scenarioName);
        RunSpec spec = RunSpec.of(scenario).withSeed(seed).withSettings(overrides);
        Footprint.check(scenario, spec.config());
        return spec.withVariant(registry.variant(variantName));
    }
}
