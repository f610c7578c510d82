package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
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
 * N-34 with Nomad's {@code TestReconciler_DontReschedule_PreviouslyRescheduled}
 * (scheduler/reconciler/reconcile_cluster_test.go; filters.go {@code filterByRescheduleable}):
 * count 5; of 7 allocations one failed and was rescheduled already, one is stopped, and five run
 * (the replacement among them). The failed one is ignored, neither rescheduled again nor counted,
 * so the plan stops nothing and places nothing. (Nomad's vector has four running besides an
 * existing allocation named as the replacement and places one for the count; the model's
 * replacements are always allocations it placed, so the count here is met.)
 */
class RescheduledOnceTest {
    @Test
    void aFailedAllocationAlreadyReplacedIsNeitherRescheduledNorCounted() {
        List<Plan> plans = new ArrayList<>();
        ModelComponents recording = ModelComponents.defaults().withScheduler(
                (context, placement) -> new NomadScheduler(context, placement) {
                    @Override
                    public Plan plan(Evaluation eval) {
                        Plan plan = super.plan(eval);
                        plans.add(plan);
                        return plan;
                    }
                });
        Cluster cluster = NomadClusters.started(10, NomadClusters.config(), 8, recording);
        Job job = cluster.state().registerJob(JobSpec.service("web", 5, 100, 64));
        List<Alloc> allocs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Alloc alloc = cluster.state().placeAlloc(job, cluster.node(i), Alloc.NONE, 0);
            cluster.state().onClientUpdate(alloc, ClientStatus.RUNNING, Health.HEALTHY);
            allocs.add(alloc);
        }
        Alloc failed = allocs.get(1);
        cluster.state().onClientUpdate(failed, ClientStatus.FAILED, Health.UNSET);
        Alloc replacement = cluster.state().placeAlloc(job, cluster.node(6), failed.id(), 1);
        cluster.state().onClientUpdate(replacement, ClientStatus.RUNNING, Health.HEALTHY);
        cluster.state().stopAlloc(allocs.get(4), "alloc not needed due to job update");
        // Running now: allocs 0, 2, 3, 5 and the replacement: the count of 5 exactly.
        while (cluster.broker().hasPending()) {
            cluster.broker().finish(cluster.broker().dequeue());
        }
        plans.clear();
        cluster.actors().createEval(job, "job-register", -1);
        // Long past the 30 s service reschedule delay, so a failed allocation that still counted
        // as reschedulable would be rescheduled now.
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(120));

        assertEquals(false, plans.isEmpty(), "the client update's evaluation was planned");
        for (Plan plan : plans) {
            assertEquals(List.of(), plan.stops.stream().map(stop -> stop.alloc().id()).toList(),
                    "stops");
            for (Plan.Placement placement : plan.placements) {
                assertEquals(Alloc.NONE, placement.previousAlloc(), "a reschedule of " + failed);
            }
        }
        assertEquals(ClientStatus.RUNNING, replacement.client());
        assertEquals(false, replacement.desired().isServerTerminal());
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
