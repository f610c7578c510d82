package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EvalCreated;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodePurged;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-20, N-31: {@code nomad node purge} (Node.Deregister, nomad/node_endpoint.go
 * {@code deregister}). As {@code TestClientEndpoint_DeregisterOne} (nomad/node_endpoint_test.go)
 * the node is gone from the servers' state (here: purged, DOWN); as
 * {@code TestNodeDrainWatcher_Remove} "delete node" (nomad/drainer/watch_nodes_test.go) its
 * drain is no longer tracked: it never completes and nothing on the node is marked; the
 * node-update evaluations lose its allocations (filters.go: "GC'd ... nodes are lost") and the
 * service ones are replaced. A client that still runs re-registers at its next heartbeat
 * (client/client.go "re-registering node"): a fresh node, eligible and without a drain.
 */
class NodePurgeTest {
    private static final int PURGED = 0;

    private final List<HistoryEvent> history = new ArrayList<>();

    /**
     * Four Ready nodes, a batch job of count 3 (an hour long, one per node on nodes 0..2: node 3
     * is ineligible while it is placed, then eligible, with room for a replacement) and a system
     * job on every node. A batch allocation is marked only at a drain's deadline (N-10), so a
     * drain of node 0 stays set and marks nothing before it.
     */
    private Cluster cluster(ClusterConfig config) {
        Cluster cluster = Cluster.create(new Simulation(21), config, ModelComponents.defaults());
        for (int i = 0; i < 4; i++) {
            cluster.addNode(NomadClusters.NODE_CPU_MILLI, NomadClusters.NODE_MEM_MB, false);
        }
        cluster.attachHistory(history::add);
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(1));
        cluster.updateEligibility(3, false);
        cluster.state().registerJob(JobSpec.batch("etl", 3, 9_000, 64, 3_600_000));
        cluster.state().registerJob(JobSpec.system("logs", 100, 64));
        cluster.sim().runUntil(SimTime.seconds(30));
        cluster.updateEligibility(3, true);
        return cluster;
    }

    private static List<Alloc> liveOn(Cluster cluster, Job job, int node) {
        List<Alloc> live = new ArrayList<>();
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.job() == job && alloc.node() == node && !alloc.isTerminal()) {
                live.add(alloc);
            }
        }
        return live;
    }

    private int count(EventType type) {
        int n = 0;
        for (HistoryEvent event : history) {
            n += event.type() == type ? 1 : 0;
        }
        return n;
    }

    @Test
    void aPurgedDrainingNodeDropsItsDrainAndLosesItsAllocations() {
        Cluster cluster = cluster(NomadClusters.config());
        Job etl = cluster.state().jobs().get(0);
        assertEquals(1, liveOn(cluster, etl, 1).size());
        Job logs = cluster.state().jobs().get(1);
        assertEquals(1, liveOn(cluster, etl, PURGED).size());
        cluster.updateDrain(PURGED, DrainSpec.deadline(60_000, false));
        cluster.sim().runUntil(SimTime.seconds(31));
        // The client can no longer reach the servers: no re-registration in this test.
        cluster.setPartition(PURGED, true, true);
        List<Alloc> there = new ArrayList<>(liveOn(cluster, etl, PURGED));
        there.addAll(liveOn(cluster, logs, PURGED));
        assertEquals(2, there.size());
        int evalsBefore = count(EventType.EVAL_CREATED);
        int marksBefore = count(EventType.MIGRATE_MARKED);

        assertEquals(ApiResult.OK, cluster.purgeNode(PURGED));

        assertTrue(cluster.node(PURGED).purged());
        assertEquals(NodeStatus.DOWN, cluster.node(PURGED).status());
        assertFalse(cluster.node(PURGED).draining(), "the drain went with the node");
        List<Integer> evaluated = new ArrayList<>();
        for (HistoryEvent event : history.subList(history.size() - count(EventType.EVAL_CREATED)
                + evalsBefore, history.size())) {
            if (event instanceof EvalCreated e && e.triggeredBy().equals("node-update")) {
                evaluated.add(e.job());
            }
        }
        assertTrue(evaluated.contains(etl.id()) && evaluated.contains(logs.id()),
                evaluated::toString);
        assertEquals(1, count(EventType.NODE_PURGED));

        // Past the dropped drain's deadline (91 s) and its coalesce and batch windows.
        cluster.sim().runUntil(SimTime.seconds(200));
        for (Alloc alloc : there) {
            assertEquals(ClientStatus.LOST, alloc.client(), alloc.toString());
        }
        assertEquals(3, liveOf(cluster, etl), "the lost batch allocation is replaced");
        assertEquals(1, liveOn(cluster, etl, 3).size(), "on the one node with room");
        assertEquals(LastDrainStatus.NONE, cluster.node(PURGED).lastDrain(), "never completed");
        assertEquals(0, count(EventType.DRAIN_COMPLETED));
        assertEquals(marksBefore, count(EventType.MIGRATE_MARKED),
                "nothing marked for the dropped drain");
        // A second purge, and an operator call on the purged node, find no node.
        assertEquals("node not found", cluster.purgeNode(PURGED).message());
        assertFalse(cluster.updateDrain(PURGED, DrainSpec.noDeadline(false)).accepted());
        assertFalse(cluster.cancelDrain(PURGED, true).accepted());
        assertFalse(cluster.updateEligibility(PURGED, false).accepted());
        // Each rejected call is published with the servers' answer, as an accepted one is.
        DrainSetCall set = (DrainSetCall) last(EventType.DRAIN_SET_CALL);
        DrainCancelCall cancel = (DrainCancelCall) last(EventType.DRAIN_CANCEL_CALL);
        assertEquals(List.of(false, "node not found", false, "node not found"),
                List.of(set.accepted(), set.message(), cancel.accepted(), cancel.message()));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    private HistoryEvent last(EventType type) {
        HistoryEvent found = null;
        for (HistoryEvent event : history) {
            found = event.type() == type ? event : found;
        }
        return found;
    }

    private static int liveOf(Cluster cluster, Job job) {
        int live = 0;
        for (Alloc alloc : cluster.state().allocs().all()) {
            live += alloc.job() == job && !alloc.isTerminal() ? 1 : 0;
        }
        return live;
    }

    @Test
    void aLiveClientRegistersAgainEligibleAndUndrained() {
        Cluster cluster = cluster(NomadClusters.config());
        cluster.updateDrain(PURGED, DrainSpec.noDeadline(false));
        cluster.sim().runUntil(SimTime.seconds(31));
        assertFalse(cluster.node(PURGED).eligible());

        assertEquals(ApiResult.OK, cluster.purgeNode(PURGED));
        // The next heartbeat arrives within one ttl (min_heartbeat_ttl 10 s, doubled at most).
        cluster.sim().runUntil(SimTime.seconds(60));

        assertFalse(cluster.node(PURGED).purged());
        assertEquals(NodeStatus.READY, cluster.node(PURGED).status());
        assertTrue(cluster.node(PURGED).isReady(), "a fresh registration: eligible, no drain");
        assertEquals(0, count(EventType.DRAIN_COMPLETED));
        Job logs = cluster.state().jobs().get(1);
        cluster.sim().runUntil(SimTime.seconds(120));
        assertEquals(1, liveOn(cluster, logs, PURGED).size(), "the system job runs there again");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    /**
     * N-31: filters.go loses a GC'd node's allocations before it looks at replace=false, which
     * keeps a down node's running allocations unknown: an unknown allocation of a disconnected
     * node (lost_after 10 min, replace=false) is lost as soon as its node is purged, and replaced.
     */
    @Test
    void aPurgedDisconnectedNodeLosesItsUnknownAllocationAtOnce() {
        Cluster cluster = NomadClusters.started(23, NomadClusters.config(), 3);
        Job api = cluster.state().registerJob(JobSpec.service("api", 1, 100, 64)
                .withDisconnect(new DisconnectBlock(600_000, false,
                        DisconnectBlock.Reconcile.KEEP_ORIGINAL)));
        cluster.sim().runUntil(SimTime.seconds(20));
        Alloc original = cluster.state().allocs().all().get(0);
        int node = original.node();
        cluster.setPartition(node, true, true);
        cluster.sim().runUntil(SimTime.seconds(90));
        assertEquals(NodeStatus.DISCONNECTED, cluster.node(node).status());
        assertEquals(ClientStatus.UNKNOWN, original.client());

        assertEquals(ApiResult.OK, cluster.purgeNode(node));
        cluster.sim().runUntil(SimTime.seconds(100));

        assertEquals(ClientStatus.LOST, original.client(), "lost long before lost_after");
        assertEquals(1, liveOf(cluster, api), "and replaced, replace=false or not");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void purgeNamesAKnownNodeOfANomadCluster() {
        Cluster nomad = cluster(NomadClusters.config());
        assertEquals("node not found", nomad.purgeNode(7).message());
        assertEquals("node not found", nomad.purgeNode(-1).message());

        history.clear();
        ClusterConfig ray = NomadClusters.config();
        ray.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        Cluster rayCluster = cluster(ray);
        assertFalse(rayCluster.purgeNode(PURGED).accepted(), "Ray's DEAD is final: no purge");
        assertFalse(rayCluster.node(PURGED).purged());
        assertEquals(0, count(EventType.NODE_PURGED));
        for (HistoryEvent event : history) {
            assertFalse(event instanceof NodePurged);
        }
    }
}
