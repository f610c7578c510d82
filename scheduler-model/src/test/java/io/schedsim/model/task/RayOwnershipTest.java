package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.NomadClusters;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Owners and children (§2.3, R-4, R-5, R-10): a killed parent's child is killed at once, its CPU
 * freed and never retried, while the parent's retry submits a fresh child (a policy that keeps
 * orphans lets it run to its end); a child lost with its node is retried by its live parent; a
 * child that ends before its dead owner's node is declared DEAD finishes, its result dropped; a
 * placement policy that leases onto a draining node breaks INV-1.
 */
class RayOwnershipTest {
    @Test
    void killedParentsChildIsKilledAndNotRetried() {
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.millis(800), true,
                SimTime.seconds(2), 1_000, 3, 0);
        Cluster cluster = RayClusters.start(3, RayClusters.config(), 2, 1_000, spec,
                ModelComponents.defaults());
        RayWorkload ray = cluster.ray();
        cluster.sim().runUntil(SimTime.seconds(1));
        // The parent waits in get on node 1; its child runs there on the CPU the parent released.
        assertEquals(1_000, cluster.node(1).cpuUsedMilli());
        assertTrue(cluster.crashRunningWork(1), "the parent's worker is killed");
        // Its live raylet reports the death; the raylet kills the worker leased to it (R-5,
        // R-10; node_manager.cc HandleUnexpectedWorkerFailure): the CPU is free at once.
        assertEquals(0, cluster.node(1).cpuUsedMilli(), "the dead owner's child is killed");
        assertArrayEquals(new long[] {0, 0, 0}, ray.reservedCpuMilliByNode());
        RayClusters.runUntilTerminal(cluster, 60);
        assertEquals("[0:FAILED(WORKER_DIED), 1:FINISHED]", ray.attempts(0).toString());
        assertEquals(1, ray.completed());
        assertEquals(1, ray.retries(), "the parent's retry only; the killed child is not retried");
        assertEquals(0, ray.lostAttempts());
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aPolicyKeepingOrphansLetsTheChildRunToItsEnd() {
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.millis(800), true,
                SimTime.seconds(2), 1_000, 3, 0);
        Cluster cluster = RayClusters.start(3, RayClusters.config(), 2, 1_000, spec,
                ModelComponents.defaults().withRetryPolicy(context -> KeepsOrphans.INSTANCE));
        RayWorkload ray = cluster.ray();
        cluster.sim().runUntil(SimTime.seconds(1));
        assertTrue(cluster.crashRunningWork(1), "the parent's worker is killed");
        assertEquals(1_000, cluster.node(1).cpuUsedMilli(), "the orphan keeps its CPU");
        assertArrayEquals(new long[] {0, 1_000, 0}, ray.reservedCpuMilliByNode());
        cluster.sim().runUntil(SimTime.seconds(2));
        assertEquals(1_000, cluster.node(2).cpuUsedMilli(), "the retry runs on node 2");
        cluster.sim().runUntil(SimTime.seconds(3));
        assertEquals(0, cluster.node(1).cpuUsedMilli(), "the orphan finished and freed its CPU");
        RayClusters.runUntilTerminal(cluster, 60);
        assertEquals(1, ray.completed());
    }

    /** Ray's retries, but the workers leased to a dead owner are left running (issue 13). */
    private static final class KeepsOrphans implements RetryPolicy {
        static final KeepsOrphans INSTANCE = new KeepsOrphans();

        @Override
        public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
                boolean preempted) {
            return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType,
                    preempted);
        }

        @Override
        public boolean killsWorkersOfDeadOwner() {
            return false;
        }
    }

    @Test
    void childLostWithItsNodeIsRetriedByItsLiveParent() {
        Cluster cluster = spillAwayCluster();
        RayWorkload ray = cluster.ray();
        cluster.sim().runUntil(SimTime.seconds(1));
        // The parent waits in get on node 1, its child runs on node 2.
        assertEquals(0, cluster.node(1).cpuUsedMilli());
        assertEquals(1_000, cluster.node(2).cpuUsedMilli());
        cluster.terminateHost(2);
        RayClusters.runUntilTerminal(cluster, 600);
        assertEquals(1, ray.completed());
        assertEquals("[0:FINISHED]", ray.attempts(0).toString());
        assertEquals(1, ray.lostAttempts(), "the child");
        assertEquals(1, ray.retries(), "the child's retry, on node 3");
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void childOfADeadOwnerFinishesAndItsResultIsDropped() {
        Cluster cluster = spillAwayCluster();
        RayWorkload ray = cluster.ray();
        cluster.sim().runUntil(SimTime.seconds(1));
        cluster.terminateHost(1);
        cluster.sim().runUntil(SimTime.seconds(7));
        assertEquals(0, cluster.node(2).cpuUsedMilli(), "the child finished and freed its CPU");
        assertEquals(0, ray.completed(), "its result went nowhere");
        RayClusters.runUntilTerminal(cluster, 600);
        assertEquals("[0:FAILED(NODE_DIED), 1:FINISHED]", ray.attempts(0).toString());
        assertEquals(1, ray.lostAttempts());
        assertEquals(1, ray.retries());
        for (int slot = 2; slot <= 3; slot++) {
            assertEquals(0, cluster.node(slot).cpuUsedMilli());
        }
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations());
    }

    /** 3 one-CPU workers, one task of 0.8 s with a 5 s child, children placed off their owner. */
    private static Cluster spillAwayCluster() {
        ModelComponents spillAway = ModelComponents.defaults().withRayPlacement(SpillAway::new);
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.millis(800), true,
                SimTime.seconds(5), 1_000, -1, 0);
        return RayClusters.start(3, RayClusters.config(), 3, 1_000, spec, spillAway);
    }

    @Test
    void leaseOnADrainingNodeBreaksThePlacementGate() {
        ModelComponents ignoresDrain = ModelComponents.defaults()
                .withRayPlacement(IgnoresDrain::new);
        // Node 1 holds an allocation, so its drain stays set (an empty node's completes at once).
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.millis(800), false, 0, 1_000, 0,
                SimTime.millis(500));
        Cluster cluster = RayClusters.start(3, RayClusters.config(), 2, 1_000, spec,
                ignoresDrain);
        NomadClusters.holdDrainsOpen(cluster, 1);
        cluster.updateDrain(1, DrainSpec.noDeadline(false));
        cluster.sim().runUntil(SimTime.seconds(2));
        assertEquals(Inv.PLACEMENT_GATE, cluster.monitor().violations().get(0).invariant());
    }

    /** A wrong placement: always node 1 while it has room, drain or not. */
    private static final class IgnoresDrain implements RayPlacement {
        private final StateView state;

        IgnoresDrain(ModelContext context) {
            this.state = context.state();
        }

        @Override
        public int pickNode(int preferredNode, long cpuMilli) {
            return state.node(1).cpuFreeMilli() >= cpuMilli ? 1 : -1;
        }

        @Override
        public void onNodeChanged(Node node) {}
    }
}
