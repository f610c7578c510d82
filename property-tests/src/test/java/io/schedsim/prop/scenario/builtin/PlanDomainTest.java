package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.kind.KillerPlan;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.RunSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which plans a scenario admits for guided search's edits: chaos-swarm every plan it draws
 * itself (at any size), ray-chaos exactly the killer's plans (INV-20's contract), and a
 * scenario with targeted expectations none.
 */
class PlanDomainTest {
    private static final Registry REGISTRY = Registry.builtIn();

    @Test
    void chaosSwarmAdmitsEveryPlanItDraws() {
        Scenario swarm = REGISTRY.scenario("chaos-swarm");
        for (Map<String, String> sets : new Map[] {Map.of(), Map.of("nodes", "2", "rayTasks",
                "0"), Map.of("nodes", "8", "faultWindowMillis", "120000")}) {
            RunSpec spec = RunSpec.of(swarm).withSettings(sets);
            for (long seed = 1; seed <= 60; seed++) {
                FaultPlan plan = spec.withSeed(seed).run().plan();
                assertTrue(swarm.admits(plan, spec.config()), sets + " seed " + seed + "\n"
                        + plan.describe());
            }
        }
    }

    @Test
    void rayChaosAdmitsTheKillersPlansOnly() {
        Scenario chaos = REGISTRY.scenario("ray-chaos");
        ScenarioConfig config = chaos.defaults();
        long interval = RayChaos.killIntervalMillis(config);
        for (long seed = 1; seed <= 500; seed++) {
            FaultPlan plan = KillerPlan.generate(SimRandom.stream(seed, "faults"), interval, 2,
                    config.longValue("horizonMillis"), false);
            assertTrue(chaos.admits(plan, config), plan.describe());
        }
        FaultPlan twoInOneWindow = FaultPlan.of(TerminateInstance.first(1_000, interval - 1),
                TerminateInstance.first(2_000, interval - 1));
        assertFalse(chaos.admits(twoInOneWindow, config));
        FaultPlan three = FaultPlan.of(TerminateInstance.first(1_000, 1_000),
                TerminateInstance.first(interval + 1, interval + 1),
                TerminateInstance.first(2 * interval + 1, 2 * interval + 1));
        assertFalse(chaos.admits(three, config), "maxKills is 2");
        assertFalse(chaos.admits(FaultPlan.of(TerminateInstance.random(1_000, 3, 1_000)),
                config), "the config's rule is first");
        assertFalse(chaos.admits(FaultPlan.of(TerminateInstance.first(1_000, interval + 5)),
                config), "a re-check beyond its window");
    }

    @Test
    void aScenarioWithTargetedExpectationsAdmitsNoEditedPlan() {
        Scenario blackout = REGISTRY.scenario("ray-blackout-no-false-positive");
        assertFalse(blackout.admits(FaultPlan.EMPTY, blackout.defaults()));
    }
}
