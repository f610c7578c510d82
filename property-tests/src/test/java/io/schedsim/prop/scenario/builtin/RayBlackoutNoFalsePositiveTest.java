package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.Partition;
import io.schedsim.model.Cluster;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.prop.scenario.RunOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SC-13 {@code ray-blackout-no-false-positive} (ray#58241; INV-13): with Ray's defaults, the
 * release test's settings, Nomad's TTL heartbeats and Ray's legacy push heartbeats (R-9, 1 s ×
 * 30), periodic 5 s blackouts of half the workers
 * never make a node DEAD or down, and every task ({@code max_retries=-1}) finishes.
 */
class RayBlackoutNoFalsePositiveTest {
    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"defaults, 1", "defaults, 2", "release, 1", "release, 2", "nomad-ttl, 1",
        "nomad-ttl, 2", "ray-legacy-heartbeat, 1", "ray-legacy-heartbeat, 2"})
    void noNodeDiesAndEveryTaskFinishes(String variant, long seed) {
        RunOutcome outcome = ScenarioRuns.runClean("ray-blackout-no-false-positive", seed,
                "variant=" + variant);
        Cluster cluster = outcome.cluster();
        for (NodeEvent event : cluster.nodeEvents()) {
            assertTrue(event.kind() != NodeEvent.Kind.DOWN, "false positive: " + event);
        }
        assertTrue(outcome.ledger().fired().get(Partition.KIND) >= 25, "blackouts fired");
        assertEquals(2_000, cluster.ray().completed());
        assertEquals(0, cluster.ray().failed());
    }
}
