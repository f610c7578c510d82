package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.node.NodeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Node status as the servers see it (§2.1, N-24..N-28, R-7): a node registers as
 * {@code initializing} and turns {@code ready} on its first heartbeat; missed heartbeats make it
 * {@code down}; under Nomad a heartbeat brings it back ({@code down → ready}, "Node reregistered
 * by heartbeat") without touching its eligibility; under Ray DEAD is final and a restarted raylet
 * joins under a new node id.
 */
class NodeStatusTransitionsTest {
    @Test
    void initializingUntilTheFirstHeartbeat() {
        ClusterConfig config = NomadClusters.config();
        config.networkDelayMillisMin = 3;
        config.networkDelayMillisMax = 3;
        Cluster cluster = Cluster.create(new Simulation(1), config, ModelComponents.defaults());
        cluster.addNode(4_000, 1_000, false);
        cluster.start();
        assertEquals(NodeStatus.INITIALIZING, cluster.node(0).status());
        assertFalse(cluster.isReady(0), "an initializing node is no placement candidate");
        cluster.sim().runUntil(SimTime.millis(2));
        assertEquals(NodeStatus.INITIALIZING, cluster.node(0).status());
        cluster.sim().runUntil(SimTime.millis(3));
        assertEquals(NodeStatus.READY, cluster.node(0).status());
        assertTrue(cluster.isReady(0));
    }

    @ParameterizedTest(name = "eligible {0}, seed {1}")
    @CsvSource({"true, 1", "true, 2", "false, 3", "false, 4"})
    void downAndBackByHeartbeatKeepsEligibility(boolean eligible, long seed) {
        Cluster cluster = NomadClusters.started(seed, NomadClusters.config(), 2);
        cluster.updateEligibility(0, eligible);
        cluster.setPartition(0, true, false);
        cluster.sim().runUntil(SimTime.seconds(60));
        assertEquals(NodeStatus.DOWN, cluster.node(0).status());
        assertTrue(cluster.isDownInServerView(0));
        assertEquals(NodeStatus.READY, cluster.node(1).status());

        cluster.setPartition(0, false, false);
        cluster.sim().runUntil(SimTime.seconds(70));
        assertEquals(NodeStatus.READY, cluster.node(0).status(), "down → ready (N-28)");
        assertEquals(-1, cluster.node(0).downAtNanos());
        assertEquals(eligible, cluster.node(0).eligible(), "status changes leave eligibility");
        assertEquals(eligible, cluster.isReady(0));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void rayDeadIsFinalAndARestartJoinsAsANewNode() {
        ClusterConfig config = new ClusterConfig();
        config.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        Cluster cluster = Cluster.create(new Simulation(5), config, ModelComponents.defaults());
        cluster.addNode(0, 1_000, true);
        cluster.addNode(4_000, 1_000, false);
        cluster.addNode(4_000, 1_000, false);
        cluster.start();
        assertEquals(NodeStatus.READY, cluster.node(1).status(), "ALIVE at registration");
        cluster.sim().runUntil(SimTime.seconds(20));
        cluster.terminateHost(1);
        cluster.sim().runUntil(SimTime.seconds(120));
        assertEquals(NodeStatus.DOWN, cluster.node(1).status());

        int joined = cluster.restartNode(1, true);
        cluster.sim().runUntil(SimTime.seconds(240));
        assertEquals(3, joined, "a restarted raylet is a new node id");
        assertEquals(NodeStatus.DOWN, cluster.node(1).status(), "DEAD is final");
        assertEquals(NodeStatus.READY, cluster.node(joined).status());
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
