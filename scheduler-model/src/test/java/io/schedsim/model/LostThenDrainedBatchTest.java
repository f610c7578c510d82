package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INV-6, N-10 (reconciler/filters.go {@code shouldFilter}: a batch allocation whose migrate
 * placement is disabled stays untainted and counts; reconcile_cluster.go {@code computeStop}:
 * remove = knownUntainted + migrate − count, from the non-server-terminal ones;
 * {@code computePlacements}: lost allocations are replaced only "up to group.Count"). Two batch
 * allocations on a node that went down are marked at the drain deadline, then lost and replaced
 * by a plan of an older snapshot (a stalled scheduler), then complete on reconnect: they still
 * count, so the group is over its count. The model placed a replacement for the next lost
 * allocation all the same, five counted for a count of three (chaos-swarm seeds 881516 and
 * 893741; the model's INV-6 check and the monitor's both fired).
 */
class LostThenDrainedBatchTest {
    private static final int DRAINED = 0;
    private static final int LOSES = 1;

    @Test
    void theGroupOverItsCountStopsTheExcessLiveAllocations() {
        Cluster cluster = NomadClusters.started(13, NomadClusters.config(), 4);
        Job job = cluster.state().registerJob(JobSpec.batch("etl", 3, 100, 64, 3_600_000));
        Setup s = overCount(cluster, job);

        cluster.actors().createEval(job, "node-drain", DRAINED);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(5));

        List<Alloc> live = liveOf(cluster, job);
        assertEquals(1, live.size(), live::toString);
        assertEquals(List.of(s.other), live, "the earliest live allocation is kept");
        assertEquals("alloc not needed due to count", s.first.stopReason());
        assertEquals("alloc not needed due to count", s.second.stopReason());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aLostAllocationIsNotReplacedPastTheCount() {
        Cluster cluster = NomadClusters.started(14, NomadClusters.config(), 4);
        Job job = cluster.state().registerJob(JobSpec.batch("etl", 3, 100, 64, 3_600_000));
        Setup s = overCount(cluster, job);

        // The node of the third original goes down: its allocation is lost; the two drained
        // ones and one live replacement fill the count, so it is not replaced and the other
        // live replacement is stopped.
        cluster.setPartition(LOSES, true, true);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(120));

        assertEquals(ClientStatus.LOST, s.other.client());
        assertFalse(s.other.replaced(), "no replacement past the count");
        List<Alloc> live = liveOf(cluster, job);
        assertEquals(List.of(s.first), live);
        assertEquals("alloc not needed due to count", s.second.stopReason());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    private record Setup(Alloc first, Alloc second, Alloc other) {}

    /**
     * Count 3: two originals on {@link #DRAINED} marked at its deadline, lost, replaced on nodes 2
     * and 3 and then complete (counted, N-10); a third original running on {@link #LOSES}. No
     * plan has run since.
     */
    private static Setup overCount(Cluster cluster, Job job) {
        Alloc a0 = NomadClusters.place(cluster, job, DRAINED, ClientStatus.RUNNING);
        Alloc a1 = NomadClusters.place(cluster, job, DRAINED, ClientStatus.RUNNING);
        Alloc other = NomadClusters.place(cluster, job, LOSES, ClientStatus.RUNNING);
        NomadClusters.holdDrainsOpen(cluster, DRAINED);
        cluster.updateDrain(DRAINED, DrainSpec.noDeadline(false));
        cluster.state().markForMigration(a0, true, true);
        cluster.state().markForMigration(a1, true, true);
        cluster.state().markLost(a0);
        cluster.state().markLost(a1);
        Alloc first = replace(cluster, job, a0, 2);
        Alloc second = replace(cluster, job, a1, 3);
        cluster.state().onClientUpdate(a0, ClientStatus.COMPLETE, Health.UNSET);
        cluster.state().onClientUpdate(a1, ClientStatus.COMPLETE, Health.UNSET);
        while (cluster.broker().hasPending()) {
            cluster.broker().finish(cluster.broker().dequeue());
        }
        assertTrue(first.id() < second.id());
        return new Setup(first, second, other);
    }

    private static Alloc replace(Cluster cluster, Job job, Alloc previous, int node) {
        Alloc alloc = cluster.state().placeAlloc(job, cluster.node(node), previous.id(), 0);
        cluster.state().onClientUpdate(alloc, ClientStatus.RUNNING, Health.UNSET);
        return alloc;
    }

    private static List<Alloc> liveOf(Cluster cluster, Job job) {
        return cluster.state().allocs().all().stream()
                .filter(a -> a.job() == job && !a.desired().isServerTerminal()).toList();
    }
}
