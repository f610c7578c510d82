package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.SortedSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-1 {@code ray-chaos} at its defaults (SEMANTICS §5): 21,600 of 21,600 tasks finish, the killer
 * terminates exactly 2 workers (never the head), DEAD ⊆ killed, and 60 s after the last task every
 * alive node's CPUs are free again (INV-26), with no invariant violated.
 */
class RayChaosTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyTaskFinishesUnderTwoInstanceKills(long seed) {
        RunOutcome outcome = ScenarioRuns.runClean("ray-chaos", seed);
        Cluster cluster = outcome.cluster();
        RayWorkload ray = cluster.ray();
        assertEquals(21_600, ray.submitted());
        assertEquals(21_600, ray.completed());
        assertEquals(0, ray.failed());
        assertTrue(ray.allTerminal());

        SortedSet<Integer> killed = outcome.ledger().killedNodes();
        assertEquals(2, killed.size(), "killed " + killed);
        assertFalse(killed.contains(0), "the head was killed");
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            Node node = cluster.node(slot);
            if (node.status() == NodeStatus.DOWN) {
                assertTrue(killed.contains(slot), node + " is DEAD but was not killed");
            } else {
                assertEquals(0, node.cpuUsedMilli(), node + " still reserves CPU");
            }
        }
        assertEquals(ray.lastCompletionNanos() + SimTime.seconds(60), cluster.nowNanos(),
                "the run ends 60 s after the last task, where INV-26 is judged");
    }
}
