package io.schedsim.prop.fault;

import static io.schedsim.prop.fault.FaultClusters.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.client.LocalState;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partitions (F-4, F-5): the node is cut off from the servers but keeps running its work. Under
 * TTL heartbeats it goes down after ttl + grace, its allocs are lost and replaced (N-31), and on
 * reconnect the originals are stopped, so exactly {@code count} run in the end (N-30: lost, then
 * complete, while the replacement runs).
 */
class PartitionFaultTest {
    private static final List<JobSpec> WEB = List.of(JobSpec.service("web", 3, 500, 256));

    private static FaultClusters partitioned(long seed, PartitionDirection direction) {
        return FaultClusters.nomad(seed, FaultClusters.nomadConfig(), 3, WEB,
                new Partition(30_000, 90_000, List.of(1), direction));
    }

    @Test
    void symmetricPartitionLosesAndReplacesAllocsAndStopsTheOriginalOnReconnect() {
        FaultClusters run = partitioned(31, PartitionDirection.BOTH);
        run.runUntil(29.5);
        Job web = run.job("web");
        Alloc original = run.runningOn(web, 1).get(0);
        run.runUntil(85);
        assertEquals(NodeStatus.DOWN, run.cluster.node(1).status());
        long silence = run.firstEvent(1, NodeEvent.Kind.DOWN, 0)
                - run.cluster.node(1).lastHeartbeatNanos();
        assertTrue(silence >= SimTime.seconds(20) && silence < SimTime.seconds(30),
                "down after ttl + grace: " + seconds(silence));
        assertEquals(ClientStatus.LOST, original.client());
        assertEquals(LocalState.RUNNING, localState(run, original),
                "the cut-off node keeps running it");
        run.assertRunning(web, 3);
        assertEquals(4, actuallyRunning(run.cluster, web), "original and replacement both run");

        run.runUntil(250);
        assertEquals(NodeStatus.READY, run.cluster.node(1).status(), "reconnected");
        assertEquals(LocalState.DONE, localState(run, original),
                "stopped once the stop gets through");
        assertEquals(ClientStatus.COMPLETE, original.client(), "lost, then complete (N-30)");
        run.assertRunning(web, 3);
        assertEquals(3, actuallyRunning(run.cluster, web));
        run.assertSettled();
    }

    /** Node → server blocked: the server loses the node, but its stop commands get through. */
    @Test
    void oneWayPartitionToTheServerStopsTheOriginalWhileItsReportWaits() {
        FaultClusters run = partitioned(32, PartitionDirection.TO_SERVER);
        run.runUntil(29.5);
        Job web = run.job("web");
        Alloc original = run.runningOn(web, 1).get(0);
        run.runUntil(85);
        assertEquals(NodeStatus.DOWN, run.cluster.node(1).status());
        assertEquals(LocalState.DONE, localState(run, original),
                "the stop command reached the node");
        assertEquals(ClientStatus.LOST, original.client(), "its report cannot reach the server");
        assertEquals(3, actuallyRunning(run.cluster, web));
        run.runUntil(250);
        assertEquals(ClientStatus.COMPLETE, original.client());
        run.assertRunning(web, 3);
        run.assertSettled();
    }

    /**
     * Server → node blocked: Nomad clients push heartbeats, which still arrive, so the node stays
     * up; Ray's GCS pulls checks, which are dropped, so the node is DEAD after timeouts.
     */
    @Test
    void oneWayPartitionFromTheServerKillsOnlyUnderPullHealthChecks() {
        FaultClusters ttl = partitioned(33, PartitionDirection.FROM_SERVER);
        ttl.runUntil(250);
        assertEquals(List.of(), ttl.everDown());
        ttl.assertRunning(ttl.job("web"), 3);
        ttl.assertSettled();

        FaultClusters ray = FaultClusters.ray(33, FaultClusters.rayConfig(), 3, null,
                new Partition(30_000, 120_000, List.of(1), PartitionDirection.FROM_SERVER));
        ray.runUntil(250);
        assertEquals(List.of(1), ray.everDown());
        double detection = seconds(ray.firstEvent(1, NodeEvent.Kind.DOWN, 0)) - 30;
        assertTrue(detection >= 52 && detection <= 68, "timeouts: DEAD after " + detection);
        assertEquals(NodeStatus.DOWN, ray.cluster.node(1).status(), "DEAD stays DEAD");
        ray.assertNoViolations();
    }

    /** Ground truth: what the client of {@code alloc}'s node is doing with it. */
    private static LocalState localState(FaultClusters run, Alloc alloc) {
        return ((DefaultClient) run.cluster.client()).localState(alloc);
    }

    /** Ground truth: copies whose client is running them on a live node. */
    private static int actuallyRunning(Cluster cluster, Job job) {
        int running = 0;
        for (Alloc alloc : cluster.state().allocs().all()) {
            Node node = cluster.node(alloc.node());
            DefaultClient client = (DefaultClient) cluster.client();
            if (alloc.job() == job && client.localState(alloc) == LocalState.RUNNING
                    && node.hostUp() && node.agentUp()
                    && client.localIncarnation(alloc) == node.incarnation()) {
                running++;
            }
        }
        return running;
    }
}
