package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.LeaseSpillback;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.api.RayDrainReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lease requests at raylets (R-12, R-13, R-14, R-15, INV-22), after Ray's
 * src/ray/raylet/scheduling/cluster_lease_manager_test.cc (formerly cluster_task_manager_test.cc)
 * and normal_task_submitter.cc. A 0-CPU head (the driver's raylet, slot 0) and two 1-CPU workers;
 * three outer tasks of 2 s: two run at once, the third has no node free and queues at a busy one.
 */
class RayLeaseQueueTest {
    private static final long TASK = 2;

    /**
     * cluster_lease_manager_test.cc TestGrantOrReject / hybrid policy's feasible tier: the head
     * redirects the third request to a feasible busy node (both full, so the lowest slot), where
     * it queues, once (INV-22), and is granted when that node's CPU frees.
     */
    @Test
    void aRequestQueuesAtABusyNodeAndIsGrantedThereWhenItFrees() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = start(history, 3, false);
        RayClusters.runUntilTerminal(cluster, 60);
        assertTrue(cluster.ray().allTerminal());
        assertEquals(List.of(new LeaseSpillback(0, TASK, 0, 0, 1)), spillbacks(history, TASK),
                "one redirect, from the driver's raylet to the busy node");
        LeaseGranted grant = grants(history, TASK).get(0);
        assertEquals(1, grant.node());
        assertEquals(1, grant.spillbacks());
        assertTrue(grant.atNanos() >= SimTime.seconds(2), "granted when node 1's CPU freed");
        assertTrue(grants(history, -1).stream().allMatch(g -> g.spillbacks() <= 1), "INV-22");
        assertEquals(0, cluster.ray().retries());
    }

    /**
     * R-15, ray#57834: a request queued at a node that begins draining is failed fast back to
     * its owner, which asks again; the other node, busy too, takes it. Not a task failure: its
     * attempt stays 0 and nothing counts against max_retries (ray#20859).
     */
    @Test
    void aDrainFailsTheQueuedRequestBackToItsOwnerWithoutARetry() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = start(history, 3, false);
        cluster.sim().runUntil(SimTime.seconds(1));
        assertTrue(cluster.rayDrainNode(1, RayDrainReason.PREEMPTION, 0)
                .accepted());
        RayClusters.runUntilTerminal(cluster, 60);
        assertTrue(cluster.ray().allTerminal());
        assertEquals(List.of(new LeaseSpillback(0, TASK, 0, 0, 1),
                new LeaseSpillback(SimTime.seconds(1), TASK, 0, 0, 2)),
                spillbacks(history, TASK), "asked again from the driver's raylet, not node 1's");
        LeaseGranted grant = grants(history, TASK).get(0);
        assertEquals(2, grant.node(), "never on the draining node (R-17)");
        assertEquals(0, grant.attempt());
        assertEquals(0, cluster.ray().retries());
        assertTrue(RayClusters.violations(cluster).isEmpty(), RayClusters.violations(cluster)
                .toString());
    }

    /**
     * R-13's model requirement (ray#63405: a request at a dead node hung): the node holding the
     * queued request dies; at its DEAD verdict the request goes back to the owner and runs on
     * the other node, attempt 0, while the task that ran there fails NODE_DIED and is retried.
     */
    @Test
    void aRequestQueuedAtANodeThatDiesIsAskedAgainNotHung() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = start(history, 3, false);
        cluster.sim().runUntil(SimTime.seconds(1));
        cluster.terminateHost(1);
        RayClusters.runUntilTerminal(cluster, 600);
        assertTrue(cluster.ray().allTerminal(), "no request hangs");
        LeaseGranted grant = grants(history, TASK).get(0);
        assertEquals(2, grant.node());
        assertEquals(0, grant.attempt());
        assertEquals(1, cluster.ray().retries(), "only the attempt that ran on node 1");
        assertTrue(RayClusters.violations(cluster).isEmpty(), RayClusters.violations(cluster)
                .toString());
    }

    /**
     * local_lease_manager.cc TrySpillback and cluster_lease_manager.cc's grant_or_reject: node 2
     * frees first (its attempt crashes); the request queued at node 1 had been redirected
     * there, so node 1 rejects it rather than redirect it again, and the driver asks again
     * from its own raylet, which redirects it to node 2: two requests, each one redirect.
     */
    @Test
    void aRedirectedRequestIsRejectedNotRedirectedAgainWhenAnotherNodeFrees() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = start(history, 3, false);
        cluster.sim().runUntil(SimTime.seconds(1));
        assertTrue(cluster.crashRunningWork(2));
        long now = cluster.sim().nowNanos();
        assertEquals(List.of(new LeaseSpillback(0, TASK, 0, 0, 1),
                new LeaseSpillback(now, TASK, 0, 0, 2)), spillbacks(history, TASK));
        assertEquals(new LeaseGranted(now, TASK, 0, 2, 1_000, 1), grants(history, TASK).get(0));
    }

    /**
     * A child's owner is its parent, whose raylet is the child's local one: with the parent's
     * CPU released while it waits in get (two tasks, nothing queued), the child is granted
     * there without a redirect
     * (cluster_lease_manager_test.cc TestIsSelectedBasedOnLocality's local dispatch).
     */
    @Test
    void aChildIsGrantedByItsParentsRayletWithoutARedirect() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = start(history, 2, true);
        RayClusters.runUntilTerminal(cluster, 60);
        assertTrue(cluster.ray().allTerminal());
        List<LeaseGranted> children = grants(history, -1).stream()
                .filter(g -> g.task() >= 2).toList();
        assertEquals(2, children.size());
        for (LeaseGranted child : children) {
            assertEquals(0, child.spillbacks(), child.toString());
            assertTrue(spillbacks(history, child.task()).isEmpty(), child.toString());
        }
    }

    private static Cluster start(List<HistoryEvent> history, int tasks, boolean nested) {
        Cluster cluster = Cluster.create(new Simulation(5), RayClusters.config(),
                ModelComponents.defaults());
        cluster.attachHistory(history::add);
        cluster.addNode(0, RayClusters.MEM_MB, true);
        cluster.addNode(1_000, RayClusters.MEM_MB, false);
        cluster.addNode(1_000, RayClusters.MEM_MB, false);
        cluster.setRayWorkload(new RayWorkloadSpec(tasks, SimTime.seconds(2), nested,
                SimTime.seconds(1), 1_000, -1, 0, false));
        cluster.start();
        return cluster;
    }

    private static List<LeaseSpillback> spillbacks(List<HistoryEvent> history, long task) {
        List<LeaseSpillback> out = new ArrayList<>();
        for (HistoryEvent e : history) {
            if (e instanceof LeaseSpillback s && s.task() == task) {
                out.add(s);
            }
        }
        return out;
    }

    /** Grants of {@code task}, or of every task with -1. */
    private static List<LeaseGranted> grants(List<HistoryEvent> history, long task) {
        List<LeaseGranted> out = new ArrayList<>();
        for (HistoryEvent e : history) {
            if (e instanceof LeaseGranted g && (task < 0 || g.task() == task)) {
                out.add(g);
            }
        }
        return out;
    }
}
