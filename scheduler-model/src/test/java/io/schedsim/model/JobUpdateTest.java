package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.job.JobUpdate;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-36, N-23: job updates as Nomad's schedulers apply them. The system scheduler
 * (reconcile_node.go) stops an allocation of an older version on an ineligible node without a
 * replacement (e2e {@code testJobUpdateOnIneligibleNode}), keeps it on a draining (tainted)
 * node, and on an eligible node replaces it there (destructive, {@code evictAndPlace}) or
 * updates it in place. The generic scheduler replaces or updates every allocation at once
 * without an update block, and a count change is in place plus placements or stops
 * ({@code TestServiceSched_JobModify}, {@code TestServiceSched_JobModify_IncrCount_NodeLimit},
 * {@code TestServiceSched_JobDeregister_Stopped}).
 */
class JobUpdateTest {
    private static final long SETTLE_NANOS = SimTime.seconds(30);

    @Test
    void aDestructiveSystemUpdateStopsTheOldVersionOnAnIneligibleNodeWithoutReplacingIt() {
        Cluster cluster = NomadClusters.started(3, NomadClusters.config(), 3);
        Job job = cluster.state().registerJob(JobSpec.system("sys", 100, 64));
        settle(cluster);
        assertEquals(3, live(cluster, job).size());
        Alloc onIneligible = liveOn(cluster, job, 0);
        assertEquals(ApiResult.OK, cluster.updateEligibility(0, false));
        settle(cluster);

        assertEquals(ApiResult.OK, cluster.updateJob(job.id(), JobUpdate.destructiveChange()));
        settle(cluster);

        assertTrue(onIneligible.desired().isServerTerminal());
        assertEquals("alloc not needed due to job update", onIneligible.stopReason());
        assertEquals(0, onIneligible.jobVersion(), "it stays at version 0");
        assertEquals(null, liveOn(cluster, job, 0), "not replaced on the ineligible node");
        for (int slot = 1; slot < 3; slot++) {
            Alloc now = liveOn(cluster, job, slot);
            assertEquals(1, now.jobVersion());
            Alloc previous = cluster.state().allocs().get(now.previousAlloc());
            assertEquals(slot, previous.node(), "replaced on its own node");
            assertEquals("alloc is being updated due to job update", previous.stopReason());
        }
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void anInPlaceSystemUpdateKeepsTheAllocationsOfEligibleNodesAndADrainingNodeKeepsItsOwn() {
        Cluster cluster = NomadClusters.started(4, NomadClusters.config(), 3);
        NomadClusters.holdDrainsOpen(cluster, 2);
        Job job = cluster.state().registerJob(JobSpec.system("sys", 100, 64));
        settle(cluster);
        List<Alloc> before = live(cluster, job);
        assertEquals(3, before.size());
        cluster.updateEligibility(0, false);
        cluster.updateDrain(2, DrainSpec.noDeadline(true));
        settle(cluster);
        assertTrue(cluster.node(2).draining(), "held open");

        cluster.updateJob(job.id(), JobUpdate.inPlaceChange());
        settle(cluster);

        assertEquals(null, liveOn(cluster, job, 0), "stopped on the ineligible node");
        Alloc eligible = liveOn(cluster, job, 1);
        assertTrue(before.contains(eligible), "the same allocation");
        assertEquals(1, eligible.jobVersion(), "updated in place");
        Alloc draining = liveOn(cluster, job, 2);
        assertTrue(before.contains(draining));
        assertEquals(0, draining.jobVersion(), "a tainted node's allocation is ignored");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aDestructiveServiceUpdateReplacesEveryAllocationOnce() {
        Cluster cluster = NomadClusters.started(5, NomadClusters.config(), 3);
        Job job = cluster.state().registerJob(JobSpec.service("web", 3, 100, 64));
        settle(cluster);
        List<Alloc> before = live(cluster, job);
        assertEquals(3, before.size());

        cluster.updateJob(job.id(), JobUpdate.destructiveChange());
        settle(cluster);

        List<Alloc> after = live(cluster, job);
        assertEquals(3, after.size());
        for (Alloc alloc : after) {
            assertEquals(1, alloc.jobVersion());
            assertTrue(before.contains(cluster.state().allocs().get(alloc.previousAlloc())));
            assertEquals(0, alloc.rescheduleAttempts(), "an update is no reschedule");
        }
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void scalingUpdatesInPlaceAndPlacesOrStopsTheDifference() {
        Cluster cluster = NomadClusters.started(6, NomadClusters.config(), 3);
        Job job = cluster.state().registerJob(JobSpec.service("web", 2, 100, 64));
        settle(cluster);
        List<Alloc> before = live(cluster, job);

        cluster.updateJob(job.id(), JobUpdate.scale(4));
        settle(cluster);
        List<Alloc> up = live(cluster, job);
        assertEquals(4, up.size());
        assertTrue(up.containsAll(before), "scaling up replaces nothing");
        assertTrue(up.stream().allMatch(a -> a.jobVersion() == 1));

        cluster.updateJob(job.id(), JobUpdate.scale(1));
        settle(cluster);
        assertEquals(1, live(cluster, job).size());
        assertEquals(3, cluster.state().allocs().all().stream()
                .filter(a -> a.job() == job && "alloc not needed due to count"
                        .equals(a.stopReason())).count());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aStoppedJobStopsEverythingAndRunningItAgainRestartsIt() {
        Cluster cluster = NomadClusters.started(7, NomadClusters.config(), 2);
        Job job = cluster.state().registerJob(JobSpec.service("web", 2, 100, 64));
        settle(cluster);

        cluster.updateJob(job.id(), JobUpdate.stopJob());
        settle(cluster);
        assertTrue(job.stopped());
        assertEquals(0, live(cluster, job).size());

        cluster.updateJob(job.id(), JobUpdate.inPlaceChange());
        settle(cluster);
        assertFalse(job.stopped());
        assertEquals(2, live(cluster, job).size());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void theOnlineCheckFlagsAnOldVersionKeptOnAnIneligibleNode() {
        ModelComponents keeping = ModelComponents.defaults().withScheduler(
                (context, placement) -> new NomadScheduler(context, placement) {
                    @Override
                    protected boolean keepsOutdated(Node node) {
                        return node.draining() || !node.eligible();
                    }
                });
        Cluster cluster = NomadClusters.started(9, NomadClusters.config(), 2, keeping);
        Job job = cluster.state().registerJob(JobSpec.system("sys", 100, 64));
        settle(cluster);
        cluster.updateEligibility(0, false);
        settle(cluster);
        assertEquals(List.of(), cluster.monitor().violations());

        cluster.updateJob(job.id(), JobUpdate.destructiveChange());
        settle(cluster);

        assertEquals(0, liveOn(cluster, job, 0).jobVersion(), "kept by the broken scheduler");
        assertTrue(cluster.monitor().violations().stream()
                .anyMatch(v -> v.invariant().equals(Inv.JOB_UPDATES)),
                () -> cluster.monitor().violations().toString());
    }

    @Test
    void badUpdatesAreRejected() {
        Cluster cluster = NomadClusters.started(8, NomadClusters.config(), 2);
        Job job = cluster.state().registerJob(JobSpec.system("sys", 100, 64));
        assertFalse(cluster.updateJob(job.id() + 1, JobUpdate.inPlaceChange()).accepted());
        assertFalse(cluster.updateJob(job.id(), JobUpdate.scale(3)).accepted());
        assertEquals(0, job.version(), "nothing changed");
    }

    private static void settle(Cluster cluster) {
        cluster.sim().runUntil(cluster.nowNanos() + SETTLE_NANOS);
    }

    private static List<Alloc> live(Cluster cluster, Job job) {
        return cluster.state().allocs().all().stream()
                .filter(a -> a.job() == job && !a.desired().isServerTerminal()
                        && !a.client().isTerminal())
                .toList();
    }

    private static Alloc liveOn(Cluster cluster, Job job, int slot) {
        List<Alloc> here = live(cluster, job).stream().filter(a -> a.node() == slot).toList();
        assertTrue(here.size() <= 1, here::toString);
        return here.isEmpty() ? null : here.get(0);
    }
}
