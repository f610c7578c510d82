package io.schedsim.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.node.NodeAttributes;
import org.junit.jupiter.api.Test;

/**
 * Ray's scheduling strategies beyond CPU-only DEFAULT, after Ray's
 * src/ray/raylet/scheduling/policy/tests/scheduling_policy_test.cc: {@code SpreadPolicyTest}
 * (round robin from each raylet's own index, available nodes first, then feasible ones; dead
 * and draining nodes skipped), {@code NodeAffinityPolicyTest} (the target if alive and feasible,
 * even busy; soft falls back to the hybrid policy; hard finds nothing), the critical-resource
 * score of {@code hybrid_scheduling_policy_test.cc} with memory, and custom resources deciding
 * feasibility (cluster_resource_data.cc {@code IsFeasible}/{@code IsAvailable}).
 */
class RayStrategyPicksTest {
    /** A 0-CPU head at slot 0 and four 4-CPU, 8 GiB workers at 1..4; worker 4 has 2 accel. */
    private static Cluster cluster() {
        ClusterConfig config = new ClusterConfig();
        config.rayTopKFraction = 0;
        Cluster cluster = Cluster.create(new Simulation(3), config, ModelComponents.defaults());
        cluster.addNode(0, 8_000, true);
        for (int i = 1; i <= 3; i++) {
            cluster.addNode(4_000, 8_000, false);
        }
        cluster.addNode(4_000, 8_000, false, NodeAttributes.NONE.withRayResource("accel", 2_000));
        cluster.start();
        cluster.sim().runUntil(SimTime.millis(1));
        return cluster;
    }

    private static RayRequest spread() {
        return new RayRequest(1_000, 0, "", 0, RayStrategy.SPREAD, -1, false);
    }

    private static RayRequest affinity(int target, boolean soft) {
        return new RayRequest(1_000, 0, "", 0, RayStrategy.NODE_AFFINITY, target, soft);
    }

    @Test
    void spreadGoesRoundRobinFromEachRayletsOwnIndex() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        // The head (slot 0) has no CPU, so it is skipped though it is in the round.
        int[] fromHead = new int[6];
        for (int i = 0; i < fromHead.length; i++) {
            fromHead[i] = policy.pickNode(0, spread());
        }
        assertEquals("[1, 2, 3, 4, 1, 2]", java.util.Arrays.toString(fromHead));
        assertEquals(1, policy.pickNode(3, spread()), "raylet 3 starts its own round at 0");
        assertEquals(2, policy.pickNode(3, spread()));
    }

    @Test
    void spreadTakesAvailableNodesFirstThenFeasibleOnes() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        cluster.state().reserve(cluster.node(1), 4_000, 0);
        cluster.state().reserve(cluster.node(2), 4_000, 0);
        policy.onNodeChanged(cluster.node(1));
        policy.onNodeChanged(cluster.node(2));
        assertEquals(3, policy.pickNode(0, spread()), "busy 1 and 2 skipped");
        assertEquals(4, policy.pickNode(0, spread()));
        cluster.state().reserve(cluster.node(3), 4_000, 0);
        cluster.state().reserve(cluster.node(4), 4_000, 0);
        assertFalse(policy.anyAvailable(spread()));
        assertEquals(-1, policy.pickNode(0, spread()));
        // The second tier goes round the feasible nodes from the same index (after 4: 1).
        assertEquals(1, policy.pickFeasible(0, spread()));
        assertEquals(2, policy.pickFeasible(0, spread()));
    }

    @Test
    void spreadSkipsDrainingAndDeadNodes() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        assertTrue(cluster.rayDrainNode(2, RayDrainReason.PREEMPTION, 0).accepted());
        cluster.terminateHost(3);
        cluster.context().control().markNodeDown(cluster.node(3), "test: detected");
        assertEquals(1, policy.pickNode(0, spread()));
        assertEquals(4, policy.pickNode(0, spread()), "2 draining, 3 DEAD (R-17)");
        assertEquals(1, policy.pickNode(0, spread()));
    }

    @Test
    void affinityTakesItsTargetEvenBusy() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        assertEquals(3, policy.pickNode(1, affinity(3, false)));
        cluster.state().reserve(cluster.node(3), 4_000, 0);
        policy.onNodeChanged(cluster.node(3));
        assertEquals(-1, policy.pickNode(1, affinity(3, false)), "busy: not available");
        assertEquals(3, policy.pickFeasible(1, affinity(3, false)),
                "spill_on_unavailable=false: the request queues at the busy target");
        assertEquals(3, policy.pickFeasible(1, affinity(3, true)), "soft too");
    }

    @Test
    void affinityToADeadOrDrainingTargetFallsBackOnlyWhenSoft() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        cluster.terminateHost(2);
        cluster.context().control().markNodeDown(cluster.node(2), "test: detected");
        policy.onNodeChanged(cluster.node(2));
        assertEquals(-1, policy.pickNode(1, affinity(2, false)));
        assertEquals(-1, policy.pickFeasible(1, affinity(2, false)),
                "hard: nothing, the owner fails the task TASK_UNSCHEDULABLE");
        assertEquals(1, policy.pickNode(1, affinity(2, true)),
                "soft: the hybrid policy, which keeps the preferred node");
        assertTrue(cluster.rayDrainNode(3, RayDrainReason.PREEMPTION, 0).accepted());
        policy.onNodeChanged(cluster.node(3));
        assertEquals(-1, policy.pickFeasible(1, affinity(3, false)), "draining: unusable");
        assertEquals(-1, policy.pickNode(1, affinity(99, false)), "no such node");
        RayRequest tooBig = new RayRequest(8_000, 0, "", 0, RayStrategy.NODE_AFFINITY, 1, false);
        assertEquals(-1, policy.pickFeasible(1, tooBig), "infeasible target (test_failed_task_"
                + "unschedulable: num_cpus=2 on a 1-CPU node)");
    }

    @Test
    void customResourcesDecideFeasibility() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        RayRequest accel = new RayRequest(1_000, 0, "accel", 1_000, RayStrategy.DEFAULT, -1,
                false);
        assertEquals(4, policy.pickNode(1, accel), "only worker 4 has accel");
        cluster.state().reserveRay(cluster.node(4), 1_000, 0, "accel", 2_000);
        assertEquals(-1, policy.pickNode(1, accel), "its accel is all held");
        assertEquals(4, policy.pickFeasible(1, accel), "but it stays feasible: queue there");
        RayRequest gpu = new RayRequest(1_000, 0, "gpu", 1_000, RayStrategy.DEFAULT, -1, false);
        assertEquals(-1, policy.pickFeasible(1, gpu), "no node has gpu: infeasible (R-14)");
        assertEquals(0, cluster.node(4).customFreeMilli("accel"));
        cluster.state().releaseRay(cluster.node(4), 1_000, 0, "accel", 2_000);
        assertEquals(2_000, cluster.node(4).customFreeMilli("accel"));
    }

    @Test
    void memoryCountsInTheCriticalUtilisation() {
        Cluster cluster = cluster();
        RayHybridPolicy policy = new RayHybridPolicy(cluster.context());
        RayRequest withMemory = new RayRequest(1_000, 1_000, "", 0, RayStrategy.DEFAULT, -1,
                false);
        // Worker 1: CPU 75 % (score 0.75). Worker 2: Ray memory 87.5 % (0.875). Worker 3:
        // CPU 50 % and memory 62.5 %, so 0.625. Worker 4 is full. Lowest score wins: 3.
        cluster.state().reserve(cluster.node(1), 3_000, 0);
        cluster.state().reserveRay(cluster.node(2), 0, 7_000, "", 0);
        cluster.state().reserveRay(cluster.node(3), 2_000, 5_000, "", 0);
        cluster.state().reserve(cluster.node(4), 4_000, 0);
        assertEquals(3, policy.pickNode(-1, withMemory));
        // A Nomad allocation's memory is no Ray memory: it blocks, it does not score.
        cluster.state().reserve(cluster.node(3), 0, 2_500);
        assertEquals(1, policy.pickNode(-1, withMemory), "3 lacks free memory now; 1 beats 2");
    }
}
