package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.sched.Evaluation;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.sched.Plan;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-31 (reconciler/filters.go {@code classifyAllocs}, first match wins; Nomad's
 * {@code TestAllocSet_classifyAllocs_ClassificationRules}): "terminal allocs that are not
 * reconnecting are untainted" comes before "non-terminal allocs marked for migration always
 * migrate". A service allocation the drain marked that fails before the plan is therefore not
 * migrated (no stop and replacement with 0 attempts) but rescheduled as a failure, after its
 * delay, with one attempt (N-34); a batch allocation marked at the deadline that fails keeps its
 * slot and is never rescheduled ({@code shouldFilter}: migrate placement disabled; N-10). The
 * model migrated both before, and a failed allocation replaced already got a second replacement.
 */
class MarkedThenFailedTest {
    private static final int NODE = 0;

    @Test
    void aMarkedServiceAllocationThatFailedIsRescheduledNotMigrated() {
        List<Plan> plans = new ArrayList<>();
        Cluster cluster = NomadClusters.started(10, NomadClusters.config(), 4, recording(plans));
        Job job = cluster.state().registerJob(JobSpec.service("web", 1, 100, 64));
        Alloc alloc = markedThenFailed(cluster, job, false);

        cluster.actors().createEval(job, "node-drain", NODE);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(120));

        for (Plan plan : plans) {
            assertEquals(List.of(), plan.stops.stream().filter(s -> s.alloc() == alloc)
                    .filter(s -> s.reason().equals("alloc is being migrated")).toList());
        }
        List<Alloc> replacements = cluster.state().allocs().all().stream()
                .filter(a -> a.previousAlloc() == alloc.id()).toList();
        assertEquals(1, replacements.size(), "one reschedule");
        assertEquals(1, replacements.get(0).rescheduleAttempts(), "a reschedule, not a migration");
        assertTrue(replacements.get(0).node() != NODE);
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aBatchAllocationMarkedAtTheDeadlineThatFailedIsNeverRescheduled() {
        List<Plan> plans = new ArrayList<>();
        Cluster cluster = NomadClusters.started(10, NomadClusters.config(), 4, recording(plans));
        Job job = cluster.state().registerJob(JobSpec.batch("etl", 1, 100, 64, 600_000));
        Alloc alloc = markedThenFailed(cluster, job, true);

        cluster.actors().createEval(job, "node-drain", NODE);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(120));

        assertTrue(!plans.isEmpty(), "the evaluation was planned");
        for (Plan plan : plans) {
            assertEquals(List.of(), plan.placements, "no placement for the batch job");
        }
        assertEquals(false, alloc.replaced());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    /** A running allocation on {@link #NODE}, marked by a drain there, then failed. */
    private static Alloc markedThenFailed(Cluster cluster, Job job, boolean atDeadline) {
        Alloc alloc = cluster.state().placeAlloc(job, cluster.node(NODE), Alloc.NONE, 0);
        cluster.state().onClientUpdate(alloc, ClientStatus.RUNNING, Health.HEALTHY);
        while (cluster.broker().hasPending()) {
            cluster.broker().finish(cluster.broker().dequeue());
        }
        cluster.updateDrain(NODE, DrainSpec.noDeadline(false));
        cluster.state().markForMigration(alloc, atDeadline, atDeadline);
        cluster.state().onClientUpdate(alloc, ClientStatus.FAILED, Health.UNSET);
        // Only the evaluation the test creates plans: the ones the drain and the failure made
        // are consumed unplanned, so the plan sees the marked, failed allocation.
        while (cluster.broker().hasPending()) {
            cluster.broker().finish(cluster.broker().dequeue());
        }
        return alloc;
    }

    private static ModelComponents recording(List<Plan> plans) {
        return ModelComponents.defaults().withScheduler(
                (context, placement) -> new NomadScheduler(context, placement) {
                    @Override
                    public Plan plan(Evaluation eval) {
                        Plan plan = super.plan(eval);
                        plans.add(plan);
                        return plan;
                    }
                });
    }
}
