package io.schedsim.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.NomadClusters;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.node.NodeStatus;
import org.junit.jupiter.api.Test;

/** The hybrid policy on a live cluster: the gate holds even when a change was not announced. */
class RayHybridPolicyTest {
    @Test
    void followsReservationsAndStatus() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        assertEquals(1, policy.pickNode(0, 1_000), "the head has no CPU; lowest slot wins ties");
        cluster.state().reserve(cluster.node(1), 4_000, 0);
        policy.onNodeChanged(cluster.node(1));
        assertEquals(2, policy.pickNode(0, 1_000));
        assertEquals(2, policy.pickNode(1, 1_000), "a full preferred node is skipped");
        cluster.terminateHost(2);
        cluster.context().control().markNodeDown(cluster.node(2), "test: detected");
        assertEquals(NodeStatus.DOWN, cluster.node(2).status());
        policy.onNodeChanged(cluster.node(2));
        assertEquals(3, policy.pickNode(2, 1_000));
        assertEquals(-1, policy.pickNode(3, 5_000), "infeasible: waits");
    }

    @Test
    void unannouncedDrainIsNeverPicked() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        // The operator's drains reach the cluster's own placement, not this policy.
        NomadClusters.holdDrainsOpen(cluster, 1, 2, 3);
        cluster.updateDrain(1, DrainSpec.noDeadline(false));
        cluster.updateDrain(2, DrainSpec.noDeadline(false));
        assertEquals(3, policy.pickNode(-1, 1_000));
        cluster.updateDrain(3, DrainSpec.noDeadline(false));
        assertEquals(-1, policy.pickNode(-1, 1_000));
        cluster.cancelDrain(2, false);
        policy.onNodeChanged(cluster.node(2));
        assertEquals(2, policy.pickNode(-1, 1_000));
    }

    private static Cluster cluster() {
        ClusterConfig config = new ClusterConfig();
        config.rayTopKFraction = 0;
        Cluster cluster = Cluster.create(new Simulation(9), config, ModelComponents.defaults());
        cluster.addNode(0, 1_000, true);
        for (int i = 0; i < 3; i++) {
            cluster.addNode(4_000, 1_000, false);
        }
        cluster.start();
        cluster.sim().runUntil(SimTime.millis(1));
        return cluster;
    }
}
