package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.EvalCreated;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobPurged;
import io.schedsim.history.JobRegistered;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobUpdate;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-36, {@code job stop -purge}: Job.Deregister with Purge deletes the job
 * (nomad/job_endpoint.go, state_store.go DeleteJob; TestJobEndpoint_Deregister asserts the job
 * is gone and the evaluation is job-deregister), and the scheduler, finding no job, stops every
 * allocation ({@code TestServiceSched_JobDeregister_Purged}: every allocation of the job is
 * stopped in one plan, nothing placed). A later {@code job run} registers the job afresh,
 * version 0.
 */
class JobPurgeTest {
    private static final long SETTLE_NANOS = SimTime.seconds(30);

    @Test
    void aPurgeStopsEveryAllocationThroughADeregisterEvaluation() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = recorded(11, history);
        Job web = cluster.state().registerJob(JobSpec.service("web", 3, 100, 64));
        Job sys = cluster.state().registerJob(JobSpec.system("sys", 100, 64));
        settle(cluster);
        assertEquals(3, live(cluster, web).size());
        assertEquals(3, live(cluster, sys).size());

        assertEquals(ApiResult.OK, cluster.purgeJob(web.id()));
        assertEquals(ApiResult.OK, cluster.purgeJob(sys.id()));
        settle(cluster);

        assertTrue(web.purged() && web.stopped());
        assertEquals(0, web.version(), "a purge is no new version");
        assertEquals(0, live(cluster, web).size());
        assertEquals(0, live(cluster, sys).size());
        for (Alloc alloc : cluster.state().allocs().all()) {
            assertEquals("alloc not needed due to job update", alloc.stopReason());
        }
        assertTrue(history.stream().anyMatch(e -> e instanceof JobPurged p
                && p.job() == web.id()));
        assertTrue(history.stream().anyMatch(e -> e instanceof EvalCreated c
                && c.job() == web.id() && c.triggeredBy().equals("job-deregister")));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aRunAfterThePurgeRegistersTheJobAfreshUnderANewId() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = recorded(12, history);
        Job web = cluster.state().registerJob(JobSpec.service("web", 2, 100, 64));
        settle(cluster);
        cluster.updateJob(web.id(), JobUpdate.destructiveChange());
        settle(cluster);
        assertEquals(1, web.version());
        cluster.purgeJob(web.id());
        settle(cluster);

        assertEquals(ApiResult.OK, cluster.updateJob(web.id(), JobUpdate.inPlaceChange()));
        settle(cluster);

        Job again = web.successor();
        assertNotEquals(web.id(), again.id());
        assertEquals("web", again.name());
        assertEquals(0, again.version(), "version 0, as a new job");
        assertFalse(again.stopped());
        assertEquals(2, live(cluster, again).size());
        assertEquals(0, live(cluster, web).size(), "the purged job's allocations stay stopped");
        assertTrue(history.stream().anyMatch(e -> e instanceof JobRegistered r
                && r.job() == again.id() && r.name().equals("web")));
        // Calls naming the purged id reach the job that run registered, as Nomad finds it by name.
        assertEquals(ApiResult.OK, cluster.updateJob(web.id(), JobUpdate.scale(3)));
        settle(cluster);
        assertEquals(3, live(cluster, again).size());
        assertSame(again, web.successor());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void callsForAPurgedJobFindNoJob() {
        Cluster cluster = NomadClusters.started(13, NomadClusters.config(), 2);
        Job web = cluster.state().registerJob(JobSpec.service("web", 1, 100, 64));
        settle(cluster);
        assertFalse(cluster.purgeJob(web.id() + 1).accepted());
        cluster.purgeJob(web.id());
        assertEquals("job not found", cluster.purgeJob(web.id()).message());
        assertEquals("job not found", cluster.updateJob(web.id(), JobUpdate.stopJob()).message());
        assertEquals("job not found", cluster.updateJob(web.id(), JobUpdate.scale(2)).message());
        assertEquals(1, cluster.jobCount(), "no job registered by a rejected call");
    }

    @Test
    void theOnlineCheckFlagsAPurgedJobKeptRunning() {
        ModelComponents reconciling = ModelComponents.defaults().withScheduler(
                (context, placement) -> new NomadScheduler(context, placement) {
                    @Override
                    protected boolean deregistered(Job job) {
                        return job.stopped() && !job.purged();
                    }
                });
        Cluster cluster = NomadClusters.started(14, NomadClusters.config(), 2, reconciling);
        Job web = cluster.state().registerJob(JobSpec.service("web", 2, 100, 64));
        settle(cluster);
        cluster.purgeJob(web.id());
        settle(cluster);

        assertEquals(2, live(cluster, web).size(), "kept by the broken scheduler");
        assertTrue(cluster.monitor().violations().stream()
                .anyMatch(v -> v.invariant().equals(Inv.JOB_UPDATES)),
                () -> cluster.monitor().violations().toString());
    }

    /** Three Ready nodes after one simulated second, the history recorded from the start. */
    private static Cluster recorded(long seed, List<HistoryEvent> history) {
        Cluster cluster = Cluster.create(new Simulation(seed), NomadClusters.config(),
                ModelComponents.defaults());
        for (int i = 0; i < 3; i++) {
            cluster.addNode(NomadClusters.NODE_CPU_MILLI, NomadClusters.NODE_MEM_MB, false);
        }
        cluster.attachHistory(history::add);
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(1));
        return cluster;
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
}
