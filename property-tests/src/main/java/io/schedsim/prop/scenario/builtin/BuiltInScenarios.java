package io.schedsim.prop.scenario.builtin;

import io.schedsim.prop.scenario.Scenario;
import java.util.List;

/** Every built-in scenario, in listing order: SC-1, SC-2, SC-3 … SC-14, then chaos-swarm. */
public final class BuiltInScenarios {
    private BuiltInScenarios() {}

    public static List<Scenario> all() {
        return List.of(new RayChaos(), new NomadDrainIgnoreSystem(), new NomadDrainDeadline(),
                new NomadDrainForce(), new NomadDrainKeepIneligible(),
                new NomadMaxParallelTwoNodes(), new NomadNodeDownWhileDraining(),
                new NomadBatchAfterDeadline(), new NomadSystemReplacedOnEligible(),
                new RayRetryCounting(), new RayInfeasiblePending(), new DetectionBounds(),
                new RayBlackoutNoFalsePositive(), new NomadDrainAllJobTypes(), new RayDrainScenario(),
                new NomadDisconnect(), new NomadConstraints(), new RayActorsScenario(),
                new NomadJobUpdateIneligible(), new NomadTaskGroups(), new RayPlacementScenario(),
                new ChaosSwarm());
    }
}
