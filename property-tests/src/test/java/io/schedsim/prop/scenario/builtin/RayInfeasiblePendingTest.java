package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.model.Cluster;
import io.schedsim.model.task.RayWorkload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-11 {@code ray-infeasible-pending} (R-14, ray#4344): 32-CPU tasks with no feasible node stay
 * PENDING without error, whether no feasible node ever existed at submission (join) or the only
 * one died (node-dies); they all run once a 32-CPU node joins, and keep waiting without error if
 * none does (INV-23 exempts infeasible tasks).
 */
class RayInfeasiblePendingTest {
    private static final int TASKS = 4;

    @ParameterizedTest(name = "{0}, seed {2}")
    @CsvSource({"join, 0, 1", "join, 0, 2", "join, 0, 3",
        "node-dies, 1, 1", "node-dies, 1, 2", "node-dies, 1, 3"})
    void pendingWithoutErrorUntilAFeasibleNodeJoins(String variant, long lostAttempts,
            long seed) {
        RayWorkload waiting = ScenarioRuns.runClean("ray-infeasible-pending", seed,
                "variant=" + variant, "horizonMillis=299999").cluster().ray();
        assertEquals(TASKS, waiting.submitted());
        assertEquals(TASKS, waiting.pending(), "tasks must wait while nothing is feasible");
        assertEquals(0, waiting.failed(), "an infeasible task ended in error");
        assertEquals(0, waiting.completed());
        assertEquals(lostAttempts, waiting.lostAttempts());

        Cluster cluster = ScenarioRuns.runClean("ray-infeasible-pending", seed,
                "variant=" + variant).cluster();
        RayWorkload ray = cluster.ray();
        assertEquals(TASKS, ray.completed());
        assertEquals(0, ray.failed());
        assertEquals(lostAttempts, ray.lostAttempts());
        assertEquals(32_000, cluster.node(cluster.nodeSlotCount() - 1).cpuTotalMilli(),
                "the joined node");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void withoutAFeasibleNodeTasksWaitToTheEnd(long seed) {
        RayWorkload ray = ScenarioRuns.runClean("ray-infeasible-pending", seed,
                "variant=node-dies", "rejoin=false").cluster().ray();
        assertFalse(ray.allTerminal());
        assertEquals(TASKS, ray.pending());
        assertEquals(0, ray.failed());
        assertTrue(ray.retries() >= 1, "the NODE_DIED attempt was retried");
    }
}
