package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-12 {@code detection-bounds}: (a) a terminated host is DEAD after five timed-out checks,
 * within [62 s, 68 s] of the kill (R-8: the fifth timeout ends 4 × (10 + 3) + 10 s after the
 * first check starts, which is within one period of the kill); (b) a killed agent refuses
 * checks and is DEAD within [12 s, 18 s]; (c) a node whose heartbeats stop is down ttl + grace
 * after its last heartbeat, in [20 s, 30 s) with 4 nodes; (e) after a leader failover no node is
 * down before failover_heartbeat_ttl: exactly 5 min after the failover here; (d) under legacy
 * push heartbeats (R-9, 1 s × 30) a terminated host is DEAD 29..30 s after the last heartbeat the
 * GCS received, within 31 s of the kill.
 */
class DetectionBoundsTest {
    private static final long FAULT_AT = SimTime.seconds(60);

    @ParameterizedTest(name = "variant {0}, seed {3}")
    @CsvSource({"a, 62, 68, 1", "a, 62, 68, 2", "a, 62, 68, 3", "a, 62, 68, 4",
        "b, 12, 18, 1", "b, 12, 18, 2", "b, 12, 18, 3", "b, 12, 18, 4"})
    void rayHealthChecks(String variant, long minSeconds, long maxSeconds, long seed) {
        Cluster cluster = ScenarioRuns.runClean("detection-bounds", seed, "variant=" + variant)
                .cluster();
        long latency = ScenarioRuns.onlyEventAt(cluster, 1, NodeEvent.Kind.DOWN) - FAULT_AT;
        assertTrue(latency >= SimTime.seconds(minSeconds), SimTime.format(latency));
        assertTrue(latency <= SimTime.seconds(maxSeconds), SimTime.format(latency));
        assertOnlyDown(cluster, 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void ttlExpiry(long seed) {
        Cluster cluster = ScenarioRuns.runClean("detection-bounds", seed, "variant=c").cluster();
        Node node = cluster.node(0);
        long downAt = ScenarioRuns.onlyEventAt(cluster, 0, NodeEvent.Kind.DOWN);
        long sinceHeartbeat = downAt - node.lastHeartbeatNanos();
        assertTrue(sinceHeartbeat >= SimTime.seconds(20), SimTime.format(sinceHeartbeat));
        assertTrue(sinceHeartbeat < SimTime.seconds(30), SimTime.format(sinceHeartbeat));
        assertTrue(node.lastHeartbeatNanos() <= FAULT_AT + SimTime.millis(5));
        assertOnlyDown(cluster, 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void legacyHeartbeats(long seed) {
        Cluster cluster = ScenarioRuns.runClean("detection-bounds", seed, "case=d").cluster();
        Node node = cluster.node(1);
        long downAt = ScenarioRuns.onlyEventAt(cluster, 1, NodeEvent.Kind.DOWN);
        long sinceHeartbeat = downAt - node.lastHeartbeatNanos();
        assertTrue(sinceHeartbeat >= SimTime.seconds(29), SimTime.format(sinceHeartbeat));
        assertTrue(sinceHeartbeat <= SimTime.seconds(30), SimTime.format(sinceHeartbeat));
        assertTrue(downAt - FAULT_AT <= SimTime.seconds(31), SimTime.format(downAt - FAULT_AT));
        assertOnlyDown(cluster, 1);
    }

    @ParameterizedTest(name = "{0} nodes cut, seed {1}")
    @CsvSource({"1, 1", "1, 2", "4, 1", "4, 2"})
    void failoverResetsEveryTimerToFiveMinutes(int cutNodes, long seed) {
        Cluster cluster = ScenarioRuns.runClean("detection-bounds", seed, "variant=e",
                "cutNodes=" + cutNodes).cluster();
        long failoverAt = FAULT_AT + SimTime.seconds(5);
        for (int slot = 0; slot < cutNodes; slot++) {
            assertEquals(failoverAt + SimTime.seconds(300),
                    ScenarioRuns.onlyEventAt(cluster, slot, NodeEvent.Kind.DOWN), "node " + slot);
        }
        for (int slot = cutNodes; slot < cluster.nodeSlotCount(); slot++) {
            assertEquals(NodeStatus.READY, cluster.node(slot).status());
        }
    }

    private static void assertOnlyDown(Cluster cluster, int down) {
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            assertEquals(slot == down ? NodeStatus.DOWN : NodeStatus.READY,
                    cluster.node(slot).status(), "node " + slot);
        }
    }
}
