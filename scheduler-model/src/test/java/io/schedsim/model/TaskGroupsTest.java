package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobGroupConfigured;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.Constraint;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobUpdate;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-36, several task groups per job: each group has its own count, resources, constraints and
 * migrate block; the reconciler works per group (reconcile_cluster.go iterates the groups:
 * {@code TestReconciler_MultiTG}, {@code TestServiceSched_JobRegister_FeasibleAndInfeasibleTG}),
 * the drainer paces each group by its own max_parallel (watch_jobs.go handleJob calls
 * handleTaskGroup per group: {@code TestDrainingJobWatcher_HandleTaskGroup}), and a system job
 * places each group on every feasible node ({@code TestSystemSched_PlanWithDrainedNode}, two
 * groups). Job calls change every group; {@code job scale} one.
 */
class TaskGroupsTest {
    private static final long SETTLE_NANOS = SimTime.seconds(30);

    private static List<JobSpec> webGroups() {
        return List.of(JobSpec.service("api", 3, 100, 64),
                JobSpec.service("cache", 2, 300, 128));
    }

    @Test
    void eachGroupIsReconciledToItsOwnCountWithItsOwnResources() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = recorded(21, 3, history);
        List<Job> web = cluster.state().registerJob("web", webGroups());
        settle(cluster);

        Job api = web.get(0);
        Job cache = web.get(1);
        assertEquals("web.api", api.name());
        assertEquals("web", cache.jobName());
        assertEquals("cache", cache.groupName());
        assertSame(web, api.groups());
        assertEquals(3, live(cluster, api).size());
        assertEquals(2, live(cluster, cache).size());
        long reserved = 0;
        for (int slot = 0; slot < 3; slot++) {
            reserved += cluster.node(slot).cpuUsedMilli();
        }
        assertEquals(3 * 100 + 2 * 300, reserved, "each group reserves its own resources");
        assertTrue(history.stream().anyMatch(e -> e instanceof JobGroupConfigured g
                && g.job() == cache.id() && g.jobName().equals("web")
                && g.group().equals("cache") && g.groupIndex() == 1 && g.groups() == 2));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aGroupNoNodeFitsDoesNotHoldBackTheOther() {
        Cluster cluster = NomadClusters.started(22, NomadClusters.config(), 2);
        List<Job> web = cluster.state().registerJob("web", List.of(
                JobSpec.service("api", 2, 100, 64),
                JobSpec.service("gpu", 1, 100, 64)
                        .withConstraints(List.of(Constraint.classIs("gpu")))));
        settle(cluster);

        assertEquals(2, live(cluster, web.get(0)).size());
        assertEquals(0, live(cluster, web.get(1)).size(), "no node of class gpu");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void theDrainerPacesEachGroupByItsOwnMaxParallel() {
        Cluster cluster = NomadClusters.started(23, NomadClusters.config(), 3);
        cluster.updateEligibility(1, false);
        cluster.updateEligibility(2, false);
        List<Job> web = cluster.state().registerJob("web", List.of(
                JobSpec.service("api", 3, 100, 64).withMigrate(new MigrateBlock(1, 10_000,
                        300_000)),
                JobSpec.service("cache", 2, 100, 64).withMigrate(new MigrateBlock(2, 10_000,
                        300_000))));
        settle(cluster);
        cluster.updateEligibility(1, true);
        cluster.updateEligibility(2, true);
        assertEquals(ApiResult.OK, cluster.updateDrain(0,
                DrainSpec.deadline(DrainSpec.DEFAULT_DEADLINE_MILLIS, false)));
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(5));

        assertEquals(1, marked(cluster, web.get(0)), "api: max_parallel 1");
        assertEquals(2, marked(cluster, web.get(1)), "cache: max_parallel 2");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aSystemJobPlacesEachGroupOnEveryNode() {
        Cluster cluster = NomadClusters.started(24, NomadClusters.config(), 3);
        List<Job> agent = cluster.state().registerJob("agent", List.of(
                JobSpec.system("logs", 100, 64), JobSpec.system("metrics", 200, 64)));
        settle(cluster);

        for (Job group : agent) {
            for (int slot = 0; slot < 3; slot++) {
                int here = slot;
                assertEquals(1, live(cluster, group).stream().filter(a -> a.node() == here)
                        .count(), group + " on node " + slot);
            }
        }
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void jobCallsChangeEveryGroupAndScaleChangesOne() {
        Cluster cluster = NomadClusters.started(25, NomadClusters.config(), 3);
        List<Job> web = cluster.state().registerJob("web", webGroups());
        settle(cluster);

        cluster.updateJob(web.get(1).id(), JobUpdate.destructiveChange());
        settle(cluster);
        assertEquals(1, web.get(0).version());
        assertEquals(1, web.get(1).version());
        assertEquals(ApiResult.OK, cluster.updateJob(web.get(0).id(), JobUpdate.scale(4)));
        settle(cluster);
        assertEquals(4, live(cluster, web.get(0)).size());
        assertEquals(2, live(cluster, web.get(1)).size(), "the other group keeps its count");

        cluster.purgeJob(web.get(0).id());
        settle(cluster);
        assertTrue(web.get(0).purged() && web.get(1).purged());
        assertEquals(0, live(cluster, web.get(1)).size());
        cluster.updateJob(web.get(0).id(), JobUpdate.inPlaceChange());
        settle(cluster);
        Job cacheAgain = web.get(1).successor();
        assertNotNull(cacheAgain);
        assertEquals("web.cache", cacheAgain.name());
        assertEquals(2, live(cluster, cacheAgain).size());
        assertEquals(4, live(cluster, web.get(0).successor()).size(), "api as scaled");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void theGroupsOfAJobShareItsType() {
        Cluster cluster = NomadClusters.started(26, NomadClusters.config(), 1);
        assertThrows(IllegalArgumentException.class, () -> cluster.state().registerJob("mixed",
                List.of(JobSpec.service("a", 1, 100, 64), JobSpec.system("b", 100, 64))));
    }

    private static Cluster recorded(long seed, int nodes, List<HistoryEvent> history) {
        Cluster cluster = Cluster.create(new Simulation(seed), NomadClusters.config(),
                ModelComponents.defaults());
        for (int i = 0; i < nodes; i++) {
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

    private static long marked(Cluster cluster, Job job) {
        return cluster.state().allocs().all().stream()
                .filter(a -> a.job() == job && a.migrate()).count();
    }
}
