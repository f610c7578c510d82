package io.schedsim.model.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.node.NodeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R-9, SC-12(d): Ray's legacy push heartbeats (raylet_heartbeat_period_milliseconds 1000 ×
 * num_heartbeats_timeout 30). Mirrors ray:src/ray/gcs/gcs_server/test/gcs_heartbeat_manager_test.cc
 * (TestBasicTimeout: a node that never reports is DEAD after the timeout; TestBasicReport: one
 * that keeps reporting never is) and the 30 s detection of the pre-R-7 fault-tolerance tests.
 */
class RayHeartbeatsTest {
    @ParameterizedTest(name = "host terminated at {0} ms")
    @CsvSource({"20000", "20400", "20999", "61500"})
    void terminatedHostIsDeadThirtyPeriodsAfterItsLastHeartbeat(long killAtMillis) {
        Cluster cluster = cluster(new ClusterConfig(), 3);
        long killAt = SimTime.millis(killAtMillis);
        cluster.sim().runUntil(killAt);
        cluster.terminateHost(2);
        cluster.sim().runUntil(killAt + SimTime.seconds(28));
        assertEquals(NodeStatus.READY, cluster.node(2).status(), "DEAD before 29 periods");
        cluster.sim().runUntil(killAt + SimTime.seconds(60));
        assertEquals(NodeStatus.DOWN, cluster.node(2).status());
        // The last one the GCS received: one sent at the kill's instant may still be in flight.
        long since = cluster.node(2).downAtNanos() - cluster.node(2).lastHeartbeatNanos();
        assertTrue(since >= SimTime.seconds(29) && since <= SimTime.seconds(30),
                SimTime.format(since));
        long afterKill = cluster.node(2).downAtNanos() - killAt;
        assertTrue(afterKill <= SimTime.seconds(31), SimTime.format(afterKill));
        assertOthersAlive(cluster, 2);
    }

    /** TestBasicTimeout, with num_heartbeats_timeout 2: a node that never reports dies at 2 s. */
    @Test
    void nodeThatNeverReportsIsDeadAfterTheTimeout() {
        ClusterConfig config = new ClusterConfig();
        config.rayNumHeartbeatsTimeout = 2;
        Cluster cluster = cluster(config, 2);
        cluster.sim().runUntil(SimTime.millis(500));
        cluster.killAgent(1);
        cluster.sim().runUntil(SimTime.millis(1_999));
        assertEquals(NodeStatus.READY, cluster.node(1).status());
        cluster.sim().runUntil(SimTime.seconds(10));
        assertEquals(SimTime.seconds(2), cluster.node(1).downAtNanos());
        assertOthersAlive(cluster, 1);
    }

    /** TestBasicReport: nodes that keep reporting are never DEAD, even with timeout 2. */
    @Test
    void reportingNodesStayAlive() {
        ClusterConfig config = new ClusterConfig();
        config.rayNumHeartbeatsTimeout = 2;
        Cluster cluster = cluster(config, 4);
        cluster.sim().runUntil(SimTime.seconds(600));
        assertOthersAlive(cluster, -1);
        RayHeartbeats detector = (RayHeartbeats) cluster.detector();
        assertEquals(5 * 600, detector.heartbeatsSent());
    }

    /** SC-13's analogue: a 20 s cut is shorter than 29 periods; a 40 s one is not (ray#28562). */
    @Test
    void onlyACutLongerThanTheTimeoutKills() {
        Cluster cluster = cluster(new ClusterConfig(), 3);
        cluster.sim().runUntil(SimTime.seconds(10));
        cluster.setPartition(1, true, false);
        cluster.sim().runUntil(SimTime.seconds(30));
        cluster.setPartition(1, false, false);
        cluster.sim().runUntil(SimTime.seconds(100));
        assertOthersAlive(cluster, -1);
        cluster.setPartition(2, true, false);
        cluster.sim().runUntil(SimTime.seconds(140));
        cluster.setPartition(2, false, false);
        assertEquals(NodeStatus.DOWN, cluster.node(2).status(), "starved for 40 s");
        assertOthersAlive(cluster, 2);
    }

    /**
     * ray#34087: a raylet the GCS declared dead (here by a 40 s cut, healed at 50 s) keeps
     * heartbeating, ignored, until its self-check at 60 s; then it stops, and stays DEAD.
     */
    @Test
    void aRayletDeclaredDeadStopsAtItsSelfCheck() {
        Cluster cluster = cluster(new ClusterConfig(), 2);
        cluster.sim().runUntil(SimTime.seconds(10));
        cluster.setPartition(1, true, false);
        cluster.sim().runUntil(SimTime.seconds(50));
        cluster.setPartition(1, false, false);
        assertEquals(NodeStatus.DOWN, cluster.node(1).status());
        RayHeartbeats detector = (RayHeartbeats) cluster.detector();
        cluster.sim().runUntil(SimTime.seconds(55));
        long before = detector.heartbeatsSent();
        cluster.sim().runUntil(SimTime.seconds(59));
        assertEquals(3 * 4, detector.heartbeatsSent() - before, "all three still push");
        cluster.sim().runUntil(SimTime.seconds(70));
        before = detector.heartbeatsSent();
        cluster.sim().runUntil(SimTime.seconds(80));
        assertEquals(2 * 10, detector.heartbeatsSent() - before, "the dead raylet stopped");
        assertEquals(NodeStatus.DOWN, cluster.node(1).status(), "DEAD is final");
        assertEquals(0, detector.remaining(1));
    }

    static Cluster cluster(ClusterConfig config, int workers) {
        config.detector = DetectorPolicy.RAY_LEGACY_HEARTBEAT;
        Cluster cluster = Cluster.create(new Simulation(17), config, ModelComponents.defaults());
        cluster.addNode(0, 1_000, true);
        for (int i = 0; i < workers; i++) {
            cluster.addNode(4_000, 1_000, false);
        }
        cluster.start();
        return cluster;
    }

    private static void assertOthersAlive(Cluster cluster, int killed) {
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            if (slot != killed) {
                assertEquals(NodeStatus.READY, cluster.node(slot).status(), "node " + slot);
            }
        }
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
