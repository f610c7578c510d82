package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-30, N-27: an allocation that was unknown and whose client reports it failed as its node
 * comes back (the host restarted under the same identity) is a failed reconnect, which the
 * reconciler stops (reconciler/filters.go's first rule; reconcile_cluster.go
 * {@code reconcileReconnecting}), even though a replacement placed while it was unknown makes
 * it "already rescheduled". Kept desired to run, it held its node disconnected at every later
 * missed heartbeat, so the node never went down (chaos-swarm seed 115537).
 */
class FailedReconnectTest {
    private static final int NODE = 0;
    private static final long LOST_AFTER_MILLIS = 120_000;

    @Test
    void aFailedReconnectIsStoppedAndItsNodeGoesDownWhenItDiesAgain() {
        Cluster cluster = NomadClusters.started(11, NomadClusters.config(), 3,
                ModelComponents.defaults());
        Job job = cluster.state().registerJob(JobSpec.service("web", 1, 100, 64).withDisconnect(
                new DisconnectBlock(LOST_AFTER_MILLIS, true, DisconnectBlock.Reconcile.BEST_SCORE)));
        Alloc alloc = cluster.state().placeAlloc(job, cluster.node(NODE), Alloc.NONE, 0);
        cluster.state().onClientUpdate(alloc, ClientStatus.RUNNING, Health.HEALTHY);
        while (cluster.broker().hasPending()) {
            cluster.broker().finish(cluster.broker().dequeue());
        }

        // The agent dies: the node disconnects (lost_after, N-27), the allocation turns unknown
        // and, once the reschedule delay from then has passed, is replaced (N-33).
        cluster.killAgent(NODE);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(40));
        assertEquals(NodeStatus.DISCONNECTED, cluster.node(NODE).status());
        assertEquals(ClientStatus.UNKNOWN, alloc.client());
        cluster.sim().runUntil(alloc.lastUnknownNanos() + SimTime.seconds(35));
        assertTrue(alloc.replaced(), "replaced while unknown");

        // The host restarts under the same identity: its client reports the allocation failed.
        cluster.restartNode(NODE, true);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(5));
        assertEquals(NodeStatus.READY, cluster.node(NODE).status());
        assertEquals(ClientStatus.FAILED, alloc.client());
        assertTrue(alloc.failedOnReconnect());
        assertEquals(DesiredStatus.STOP, alloc.desired(), "a failed reconnect is stopped");
        assertEquals("alloc was rescheduled because it failed", alloc.stopReason());

        // The host dies for good: nothing keeps the node disconnected, so it goes down.
        cluster.terminateHost(NODE);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(60));
        assertEquals(NodeStatus.DOWN, cluster.node(NODE).status());
        assertEquals(1, cluster.state().allocs().all().stream()
                .filter(a -> a.job() == job && !a.isTerminal()).count(), "count 1 runs");
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
