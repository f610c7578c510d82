package io.schedsim.prop.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.builtin.ChaosSwarm;
import io.schedsim.prop.scenario.builtin.RayChaos;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replay file written before a knob existed still replays as recorded: the knob takes the value
 * that gives the scenario's old behaviour, which need not be its default (chaos-swarm's
 * groupedJobs defaults to 1 but was 0 before it existed). Any other missing knob is an error.
 */
class KnobAddedLaterTest {
    @Test
    void aFileWithoutGroupedJobsRunsWithoutThem() {
        Scenario swarm = new ChaosSwarm();
        Map<String, Object> old = without(swarm, "groupedJobs");
        assertEquals(1, ScenarioConfig.defaults(swarm).intValue("groupedJobs"));
        assertEquals(0, ScenarioConfig.of(swarm, old).intValue("groupedJobs"));
        old.put("groupedJobs", 2);
        assertEquals(2, ScenarioConfig.of(swarm, old).intValue("groupedJobs"));
    }

    @Test
    void aFileWithoutRayActorsRunsWithoutThem() {
        Scenario swarm = new ChaosSwarm();
        assertEquals(4, ScenarioConfig.defaults(swarm).intValue("rayActors"));
        assertEquals(0, ScenarioConfig.of(swarm, without(swarm, "rayActors"))
                .intValue("rayActors"));
    }

    @Test
    void aKnobAddedWithItsOldBehaviourAsDefaultTakesTheDefault() {
        Scenario chaos = new RayChaos();
        assertEquals("terminate", ScenarioConfig.of(chaos, without(chaos, "killMode"))
                .stringValue("killMode"));
    }

    @Test
    void anyOtherMissingKnobIsAnError() {
        Scenario swarm = new ChaosSwarm();
        InputException e = assertThrows(InputException.class,
                () -> ScenarioConfig.of(swarm, without(swarm, "nodes")));
        assertTrue(e.getMessage().contains("config.nodes: missing value"), e.getMessage());
    }

    @Test
    void theValueWhenAbsentMustBeInTheKnobsRange() {
        Knob knob = Knob.ofInt("groups", 1, 0, 2, "test");
        assertThrows(RuntimeException.class, () -> knob.addedLater(3));
        assertEquals(0, knob.addedLater(0).valueWhenAbsent());
    }

    private static Map<String, Object> without(Scenario scenario, String knob) {
        Map<String, Object> values = new LinkedHashMap<>(ScenarioConfig.defaults(scenario).asMap());
        values.remove(knob);
        return values;
    }
}
