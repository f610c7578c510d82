package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-23, N-31, INV-6: a stale plan is committed as it is, and Nomad's applier stops what it loses
 * even when the allocation's client reported it terminal since the snapshot (state_store.go
 * {@code DenormalizeAllocationDiffSlice} sets desired stop, and client status lost, whatever the
 * allocation's status). The replacement the same plan places then takes its place: the job does
 * not get one allocation more than its count. The shape of chaos-swarm seeds 1224734 and
 * 1182479: a node is purged, its client still runs and finishes a batch allocation while a
 * stalled scheduler holds the plan that loses it.
 */
class StaleLossTest {
    @Test
    void aLossCommittedAfterTheClientFinishedStopsTheFinishedAllocation() {
        Cluster cluster = Cluster.create(new Simulation(5), NomadClusters.config(),
                ModelComponents.defaults());
        for (int i = 0; i < 3; i++) {
            cluster.addNode(NomadClusters.NODE_CPU_MILLI, NomadClusters.NODE_MEM_MB, false);
        }
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(1));
        Job job = cluster.state().registerJob(JobSpec.batch("etl", 1, 100, 64, 40_000));
        cluster.sim().runUntil(SimTime.seconds(5));
        Alloc first = cluster.state().allocs().all().get(0);
        assertEquals(ClientStatus.RUNNING, first.client());

        // The schedulers stall past the allocation's end; the purge's evaluation plans from a
        // snapshot in which the allocation still runs on a node the servers no longer hold.
        cluster.stallSchedulers(SimTime.seconds(60));
        cluster.sim().runUntil(SimTime.seconds(10));
        cluster.purgeNode(first.node());
        cluster.sim().runUntil(SimTime.seconds(120));

        assertEquals(ClientStatus.COMPLETE, first.client(), "the client finished it");
        assertEquals(DesiredStatus.STOP, first.desired(), "the stale plan's loss stopped it");
        List<Alloc> counted = cluster.state().allocs().all().stream()
                .filter(a -> a.job() == job && !a.desired().isServerTerminal()).toList();
        assertEquals(1, counted.size(), "the replacement alone takes the place: " + counted);
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
