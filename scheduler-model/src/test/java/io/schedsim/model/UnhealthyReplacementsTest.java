package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.state.Alloc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-13 with replacements that fail their health checks ({@link ClusterControl#setHealthChecksFailing},
 * the unhealthy-allocs fault). Nomad's tracker never signals healthy while a check is critical
 * (client/allochealth/tracker.go, {@code TestTracker_ConsulChecks_Unhealthy}: no health value,
 * checksHealthy false), so the health hook sets unhealthy at healthy_deadline
 * (client/allocrunner/health_hook.go {@code watchHealth}). The drainer counts any set health
 * ({@code HasHealth}, nomad/drainer/watch_jobs.go {@code handleTaskGroup}), so pacing waits for
 * the deadline and then moves on; a drain deadline cuts the wait short (N-18). A service job of
 * count 2, max_parallel 1, min_healthy_time 10 s, healthy_deadline 60 s runs on node 0; node 1
 * takes the replacements.
 */
class UnhealthyReplacementsTest {
    private static final long DRAIN_AT_SECONDS = 400;

    private static Cluster twoOnNodeZero() {
        Cluster cluster = NomadClusters.started(9, NomadClusters.config(), 2);
        cluster.updateEligibility(1, false);
        cluster.state().registerJob(JobSpec.service("web", 2, 100, 64)
                .withMigrate(new MigrateBlock(1, 10_000, 60_000)));
        cluster.sim().runUntil(SimTime.seconds(DRAIN_AT_SECONDS));
        cluster.updateEligibility(1, true);
        return cluster;
    }

    private static List<Alloc> replacements(Cluster cluster) {
        List<Alloc> replacements = new ArrayList<>();
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.node() == 1 && !alloc.isTerminal()) {
                replacements.add(alloc);
            }
        }
        return replacements;
    }

    private static void runTo(Cluster cluster, long secondsAfterDrain) {
        cluster.sim().runUntil(SimTime.seconds(DRAIN_AT_SECONDS + secondsAfterDrain));
    }

    @Test
    void healthyReplacementsPaceOnMinHealthyTime() {
        Cluster cluster = twoOnNodeZero();
        cluster.updateDrain(0, DrainSpec.noDeadline(false));
        runTo(cluster, 30);
        assertEquals(2, replacements(cluster).size(), "the second mark after 10 s of health");
        for (Alloc alloc : replacements(cluster)) {
            assertEquals(Health.HEALTHY, alloc.health());
        }
    }

    @Test
    void failingChecksHoldPacingUntilHealthyDeadline() {
        Cluster cluster = twoOnNodeZero();
        cluster.setHealthChecksFailing(1, true);
        cluster.updateDrain(0, DrainSpec.noDeadline(false));
        runTo(cluster, 55);
        List<Alloc> first = replacements(cluster);
        assertEquals(1, first.size(), "max_parallel 1: no second mark before the deadline");
        assertEquals(Health.UNSET, first.get(0).health(), "failing checks never pass");
        assertTrue(cluster.node(0).draining());
        runTo(cluster, 65);
        assertEquals(Health.UNHEALTHY, first.get(0).health(), "unhealthy at healthy_deadline");
        assertEquals(2, replacements(cluster).size(), "an unhealthy replacement has health");
        runTo(cluster, 300);
        assertEquals(false, cluster.node(0).draining(), "the drain finished");
        for (Alloc alloc : replacements(cluster)) {
            assertEquals(Health.UNHEALTHY, alloc.health(), alloc.toString());
        }
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void liftingTheFaultSparesOnlyLaterReplacements() {
        Cluster cluster = twoOnNodeZero();
        cluster.setHealthChecksFailing(ClusterControl.ALL_NODES, true);
        cluster.updateDrain(0, DrainSpec.noDeadline(false));
        runTo(cluster, 30);
        cluster.setHealthChecksFailing(ClusterControl.ALL_NODES, false);
        runTo(cluster, 300);
        assertEquals(false, cluster.node(0).draining());
        List<Alloc> replacements = replacements(cluster);
        assertEquals(2, replacements.size());
        assertEquals(Health.UNHEALTHY, replacements.get(0).health(),
                "started while its checks failed: they never pass");
        assertEquals(Health.HEALTHY, replacements.get(1).health(), "started after the lift");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void drainDeadlineCutsTheWaitShort() {
        Cluster cluster = twoOnNodeZero();
        cluster.setHealthChecksFailing(1, true);
        cluster.updateDrain(0, DrainSpec.deadline(20_000, false));
        runTo(cluster, 19);
        assertEquals(1, replacements(cluster).size());
        runTo(cluster, 25);
        assertEquals(2, replacements(cluster).size(), "the deadline marks the rest (N-18)");
        assertEquals(false, cluster.node(0).draining());
        runTo(cluster, 300);
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
