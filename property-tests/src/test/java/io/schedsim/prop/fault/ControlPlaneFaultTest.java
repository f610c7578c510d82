package io.schedsim.prop.fault;

import static io.schedsim.prop.fault.FaultClusters.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.SchedulerStall;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduler stalls (F-11) and leader failovers (F-7) against the real control plane. */
class ControlPlaneFaultTest {
    private static final List<JobSpec> WEB = List.of(JobSpec.service("web", 2, 500, 256));

    /**
     * A plan made at 31 s from a snapshot where only nodes 0 and 1 were Ready commits at the end
     * of the stall, after both turned ineligible: the plan applier re-checks the gate (N-23) and
     * rejects it, the eval is planned again, and the allocs land on node 2. No INV-1.
     */
    @Test
    void stalledPlanCommitsLateAndTheApplierRejectsItsStalePlacements() {
        KindLog log = new KindLog("sched.dequeue", "sched.commit");
        FaultClusters run = FaultClusters.nomad(71, FaultClusters.nomadConfig(), 3, cluster -> {
            cluster.updateEligibility(2, false);
            cluster.sim().setTraceSink(log);
        }, WEB, new SchedulerStall(30_000, 30_000), new EligibilityFlip(32_000, 2, true),
                new EligibilityFlip(32_000, 0, false), new EligibilityFlip(32_000, 1, false));
        run.at(31, () -> run.cluster.state().registerJob(JobSpec.service("api", 2, 500, 256)));
        run.runUntil(120);
        Job api = run.job("api");
        List<Alloc> allocs = run.allocs(api);
        assertEquals(2, allocs.size(), "the stale placements were never committed");
        for (Alloc alloc : allocs) {
            assertEquals(2, alloc.node(), "placed on the only Ready node at commit time");
            assertTrue(alloc.createdNanos() >= SimTime.seconds(60), "not before the stall ends");
        }
        assertTrue(log.of("sched.commit", SimTime.seconds(31), SimTime.seconds(60)).stream()
                .allMatch(e -> e.timeNanos() < SimTime.seconds(32)), "held, nothing committed");
        assertEquals(2, log.of("sched.commit", SimTime.seconds(60), SimTime.seconds(61)).size(),
                "the stale plan commits at the end of the stall, is rejected, and is redone");
        assertFalse(log.of("sched.dequeue", SimTime.seconds(60), SimTime.seconds(61)).isEmpty(),
                "planned again after the rejected commit");
        assertEquals(1, run.runningOn(run.job("web"), 0).size(), "N-23: ineligible keeps");
        assertEquals(1, run.runningOn(run.job("web"), 1).size());
        run.assertRunning(api, 2);
        run.assertSettled();
    }

    /**
     * A plan made during a stall finds no room; the room appears (a batch alloc completes) while
     * the plan is still in flight and no eval is blocked. When the plan commits and its eval
     * would block, the capacity change it missed must send it back to pending, as Nomad's
     * blocked-evals tracker does (missedUnblock, nomad/blocked_evals.go); else the job waits for
     * ever (INV-24; chaos-swarm, 3 nodes and 4 service jobs, seed 852).
     */
    @Test
    void planThatFoundNoRoomIsRedoneWhenCapacityFreedWhileInFlight() {
        FaultClusters run = FaultClusters.nomad(74, FaultClusters.nomadConfig(), 1,
                List.of(JobSpec.batch("hog", 1, 3_800, 256, 30_000)),
                new SchedulerStall(20_000, 20_000));
        run.at(20.5, () -> run.cluster.state().registerJob(JobSpec.service("web", 1, 500, 256)));
        run.runUntil(100);
        Job web = run.job("web");
        run.assertRunning(web, 1);
        assertTrue(run.allocs(web).get(0).createdNanos() >= SimTime.seconds(40), "after the stall");
        run.assertSettled();
    }

    /**
     * N-26, SC-12(e): after a failover every timer is reset to failover_heartbeat_ttl (5 min), so
     * the node whose agent died at the failover goes down exactly 5 min later, and no node sooner.
     */
    @Test
    void failoverResetsHeartbeatTimersToTheFailoverTtl() {
        FaultClusters run = FaultClusters.nomad(72, FaultClusters.nomadConfig(), 3,
                List.of(JobSpec.service("web", 3, 500, 256)), new LeaderFailover(30_000),
                new KillAgent(30_000, 1));
        run.runUntil(400);
        Node victim = run.cluster.node(1);
        assertTrue(victim.lastHeartbeatNanos() <= SimTime.seconds(30),
                "precondition: no heartbeat reached the new leader after the failover");
        assertEquals(List.of(1), run.everDown());
        assertEquals(330.0, seconds(run.firstEvent(1, NodeEvent.Kind.DOWN, 0)), 1e-9,
                "failover + failover_heartbeat_ttl");
        run.assertRunning(run.job("web"), 3);
        run.assertSettled();
    }

    /**
     * F-7: a plan in flight at the failover (held by a stall) is dropped at commit, its eval is
     * planned and committed again by the new leader; the job is placed once.
     */
    @Test
    void failoverDropsInFlightPlansWhichAreRedone() {
        List<TraceCount> commits = new ArrayList<>();
        for (boolean failover : List.of(false, true)) {
            KindLog log = new KindLog("sched.commit");
            List<FaultAction> actions = new ArrayList<>(List.of(new SchedulerStall(30_000,
                    10_000)));
            if (failover) {
                actions.add(new LeaderFailover(35_000));
            }
            FaultClusters run = FaultClusters.nomad(73, FaultClusters.nomadConfig(), 3,
                    cluster -> cluster.sim().setTraceSink(log), WEB,
                    actions.toArray(FaultAction[]::new));
            run.at(31, () -> run.cluster.state().registerJob(
                    JobSpec.service("api", 2, 500, 256)));
            run.runUntil(120);
            Job api = run.job("api");
            assertEquals(2, run.allocs(api).size(), "placed exactly once");
            for (Alloc alloc : run.allocs(api)) {
                assertTrue(alloc.createdNanos() >= SimTime.seconds(40));
            }
            run.assertRunning(api, 2);
            run.assertSettled();
            commits.add(new TraceCount(failover, log.of("sched.commit", SimTime.seconds(40),
                    SimTime.seconds(60)).size()));
        }
        assertEquals(List.of(new TraceCount(false, 1), new TraceCount(true, 2)), commits,
                "the plan held over the failover is committed a second time");
    }

    private record TraceCount(boolean failover, int commits) {}
}
