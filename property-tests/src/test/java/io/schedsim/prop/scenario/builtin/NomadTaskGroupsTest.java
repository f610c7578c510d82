package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.model.Cluster;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.scenario.RunOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code nomad-task-groups} (N-36, several task groups; N-12..N-14 per group): whatever flips the
 * seed draws, the run is clean (INV-4 and INV-5 per group, counts, system coverage), each web
 * group ends at its own count off the drained node A, both groups had allocations on A that
 * migrated, and each system group runs once on every other node.
 */
class NomadTaskGroupsTest {
    static java.util.stream.LongStream seeds() {
        return ScenarioRuns.seeds(12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eachGroupIsDrainedAndKeptAtItsOwnCount(long seed) {
        RunOutcome outcome = ScenarioRuns.runClean("nomad-task-groups", seed);
        Cluster cluster = outcome.cluster();
        assertEquals(4, ScenarioRuns.live(cluster, "web.api").size());
        assertEquals(3, ScenarioRuns.live(cluster, "web.cache").size());
        for (String group : new String[] {"web.api", "web.cache"}) {
            assertEquals(0, ScenarioRuns.liveOn(cluster, group, NomadTaskGroups.NODE_A).size(),
                    group + " left A");
            long migrated = ScenarioRuns.allocs(cluster, group).stream()
                    .filter(Alloc::migrate).count();
            assertTrue(migrated >= 1, group + " migrated off A: " + migrated);
        }
        for (int slot = 1; slot < cluster.nodeSlotCount(); slot++) {
            assertEquals(1, ScenarioRuns.liveOn(cluster, "agent.logs", slot).size());
            assertEquals(1, ScenarioRuns.liveOn(cluster, "agent.metrics", slot).size());
        }
    }
}
