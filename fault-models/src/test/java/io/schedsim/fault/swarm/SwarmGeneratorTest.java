package io.schedsim.fault.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.kind.FaultKind;
import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.ClockJump;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.JobUpdateAction;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.KillRaylet;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.TaskCrash;
import io.schedsim.fault.plan.TaskFaultCause;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.fault.plan.UnhealthyAllocs;
import io.schedsim.fault.plan.VictimRule;
import io.schedsim.model.api.RayDrainReason;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SwarmGeneratorTest {
    /** Shaped like chaos-swarm: at most 8 Nomad nodes, a 10-minute fault window. */
    static final SwarmSpec CHAOS_SWARM = SwarmSpec.nomad(8, 0, 600_000);
    static final SwarmSpec RAY = new SwarmSpec(10, List.of(0), 0, 600_000, false, true);
    /** chaos-swarm itself: a head, six workers, Nomad jobs and Ray tasks, faults from 20 s. */
    static final SwarmSpec MIXED = new SwarmSpec(7, List.of(0), 20_000, 600_000, true, true);
    /** See {@link #rayDrainsLeaveEveryOtherActionAsItWas()}. */
    private static final int OTHERS_DIGEST = 806_852_104;
    private static final int JOB_PURGES_OTHERS_DIGEST = -182_233_436;

    @Test
    void sameSeedSamePlanOtherSeedDifferentPlan() {
        for (long seed = 1; seed <= 50; seed++) {
            FaultPlan once = SwarmGenerator.generate(seed, CHAOS_SWARM);
            FaultPlan again = SwarmGenerator.generate(seed, CHAOS_SWARM);
            assertEquals(once, again);
            assertEquals(once.toJson(), again.toJson());
            assertNotEquals(once, SwarmGenerator.generate(seed + 1000, CHAOS_SWARM));
        }
    }

    @Test
    void everyActionKindAppearsOverThirtySeeds() {
        SortedSet<String> kinds = new TreeSet<>();
        for (long seed = 1; seed <= 30; seed++) {
            kinds.addAll(SwarmGenerator.generate(seed, CHAOS_SWARM).countByKind().keySet());
        }
        SortedSet<String> drawn = new TreeSet<>(FaultKind.allActionKinds());
        // The raylet killer is deliberately never drawn, so that chaos-swarm's plans (and
        // hundreds of recorded trace hashes) stay as they were: it belongs to ray-chaos's
        // killMode=agent. Ray drains need Ray tasks, which this spec has not
        // (rayDrainsOfBothReasonsWhereRayTasksRun), and neither do task cancels (ray.cancel,
        // workFaultsMakeRayTasksRaise).
        drawn.removeAll(List.of(KillRaylet.KIND, RayDrain.KIND, CancelTask.KIND));
        assertEquals(drawn, kinds);
    }

    @Test
    void drainsAndRacingEligibilityFlipsAreCommon() {
        int withDrain = 0;
        int withRace = 0;
        for (long seed = 1; seed <= 100; seed++) {
            FaultPlan plan = SwarmGenerator.generate(seed, CHAOS_SWARM);
            List<Drain> drains = new ArrayList<>();
            for (FaultAction action : plan.actions()) {
                if (action instanceof Drain drain) {
                    drains.add(drain);
                }
            }
            withDrain += drains.isEmpty() ? 0 : 1;
            boolean race = false;
            for (FaultAction action : plan.actions()) {
                for (Drain drain : drains) {
                    race |= action instanceof EligibilityFlip flip && flip.node() == drain.node()
                            && flip.atMillis() >= drain.atMillis()
                            && flip.atMillis() < drain.atMillis() + 10_000;
                }
            }
            withRace += race ? 1 : 0;
        }
        assertTrue(withDrain >= 60, "drains in " + withDrain + " of 100 plans");
        assertTrue(withRace >= 25, "flip of a draining node in " + withRace + " of 100 plans");
    }

    @Test
    void rayDrainsOfBothReasonsWhereRayTasksRun() {
        int withRayDrain = 0;
        int idle = 0;
        int preemptedDeaths = 0;
        for (long seed = 1; seed <= 300; seed++) {
            FaultPlan plan = SwarmGenerator.generate(seed, MIXED);
            boolean drained = false;
            for (FaultAction action : plan.actions()) {
                if (!(action instanceof RayDrain drain)) {
                    continue;
                }
                drained = true;
                idle += drain.reason() == RayDrainReason.IDLE_TERMINATION ? 1 : 0;
                for (FaultAction later : plan.actions()) {
                    // F-6: the instance goes after its grace, so its death is preempted.
                    preemptedDeaths += drain.reason() == RayDrainReason.PREEMPTION
                            && drain.deadlineMillis() > 0 && later instanceof TerminateInstance t
                            && t.victim() == VictimRule.SLOT && t.victimPick() == drain.node()
                            && t.atMillis() >= drain.atMillis() + drain.deadlineMillis() ? 1 : 0;
                }
            }
            withRayDrain += drained ? 1 : 0;
        }
        // The DRAIN switch is on in about 3 plans of 4, and the kills leave room in most.
        assertTrue(withRayDrain >= 150, "Ray drains in " + withRayDrain + " of 300 plans");
        assertTrue(idle >= 20, idle + " idle terminations");
        assertTrue(preemptedDeaths >= 60, preemptedDeaths + " preempted deaths");
        for (long seed = 1; seed <= 100; seed++) {
            assertFalse(SwarmGenerator.generate(seed, CHAOS_SWARM).countByKind()
                    .containsKey(RayDrain.KIND), "no Ray drain without Ray tasks");
        }
    }

    /**
     * Ray drains draw from their own stream after every other draw, so every plan keeps every
     * action it had before they were drawn: pinned by a digest of seeds 1..2000's plans without
     * their Ray drain episodes (the Ray drains, and the terminations without re-check that
     * follow them; the generator drew no such termination before), recorded with the generator
     * as it was before Ray drains (commit fe791eb).
     */
    @Test
    void rayDrainsLeaveEveryOtherActionAsItWas() {
        StringBuilder all = new StringBuilder();
        for (long seed = 1; seed <= 2_000; seed++) {
            List<FaultAction> others = new ArrayList<>();
            for (FaultAction action : SwarmGenerator.generate(seed, MIXED).actions()) {
                boolean episodeKill = action instanceof TerminateInstance t
                        && t.victim() == VictimRule.SLOT && t.recheckUntilMillis() == t.atMillis();
                // Job updates (N-36) are a later kind with its own stream, like Ray drains, and
                // so are unhealthy replacements (N-13), drawn under WORK.
                // So are application errors and OOM kills, and task cancels,
                // and node purges (N-20, N-31), drawn under DRAIN.
                boolean raises = action instanceof TaskCrash crash
                        && crash.cause() != TaskFaultCause.WORKER_DIED
                        || action instanceof CancelTask;
                if (!(action instanceof RayDrain) && !episodeKill
                        && !(action instanceof JobUpdateAction)
                        && !(action instanceof UnhealthyAllocs) && !raises
                        && !(action instanceof NodePurge)) {
                    others.add(action);
                }
            }
            all.append(new FaultPlan(others).toJson());
        }
        assertEquals(OTHERS_DIGEST, all.toString().hashCode());
    }

    /**
     * with Ray tasks, the WORK switch adds application errors and OOM kills (F-3,
     * causes application-error and oom) with victim picks; without Ray tasks there are none.
     */
    @Test
    void workFaultsMakeRayTasksRaise() {
        int withRaises = 0;
        int oomKills = 0;
        int picked = 0;
        for (long seed = 1; seed <= 300; seed++) {
            for (FaultAction action : SwarmGenerator.generate(seed, MIXED).actions()) {
                if (action instanceof TaskCrash crash
                        && crash.cause() == TaskFaultCause.APPLICATION_ERROR) {
                    withRaises++;
                    picked += crash.attemptPick() > 0 ? 1 : 0;
                }
                oomKills += action instanceof TaskCrash crash
                        && crash.cause() == TaskFaultCause.OOM ? 1 : 0;
            }
            for (FaultAction action : SwarmGenerator.generate(seed, CHAOS_SWARM).actions()) {
                assertFalse(action instanceof TaskCrash crash
                        && crash.cause() != TaskFaultCause.WORKER_DIED, action::describe);
            }
        }
        assertTrue(withRaises >= 50, withRaises + " application errors in 300 plans");
        assertTrue(picked >= 20, picked + " with a picked victim");
        assertTrue(oomKills >= 50, oomKills + " OOM kills in 300 plans");
    }

    /** with Ray tasks, the WORK switch adds task cancels, forced or not; without, none. */
    @Test
    void workFaultsCancelRayTasks() {
        int cancels = 0;
        int forced = 0;
        for (long seed = 1; seed <= 300; seed++) {
            for (FaultAction action : SwarmGenerator.generate(seed, MIXED).actions()) {
                if (action instanceof CancelTask cancel) {
                    cancels++;
                    forced += cancel.force() ? 1 : 0;
                }
            }
            assertFalse(SwarmGenerator.generate(seed, CHAOS_SWARM).countByKind()
                    .containsKey(CancelTask.KIND), "no cancel without Ray tasks");
        }
        assertTrue(cancels >= 50, cancels + " cancels in 300 plans");
        assertTrue(forced >= 20 && forced < cancels, forced + " of " + cancels + " forced");
    }

    @Test
    void plansStayInsideTheWindowAndSpareOneWorker() {
        for (long seed = 1; seed <= 300; seed++) {
            for (SwarmSpec spec : List.of(CHAOS_SWARM, RAY, SwarmSpec.nomad(2, 5_000, 65_000))) {
                FaultPlan plan = SwarmGenerator.generate(seed, spec);
                assertTrue(plan.size() > 0, "at least one kind is on");
                TreeSet<Integer> explicitlyKilled = new TreeSet<>();
                int terminates = 0;
                for (FaultAction action : plan.actions()) {
                    assertTrue(action.atMillis() >= spec.windowStartMillis(), action::describe);
                    assertTrue(action.atMillis() < spec.windowEndMillis(), action::describe);
                    assertTrue(action.endMillis() <= spec.windowEndMillis(), action::describe);
                    for (int node : targets(action)) {
                        assertFalse(spec.headSlots().contains(node), action::describe);
                        assertTrue(node < spec.nodeCount(), action::describe);
                    }
                    if (action instanceof KillAgent kill) {
                        explicitlyKilled.add(kill.node());
                    }
                    terminates += action instanceof TerminateInstance ? 1 : 0;
                }
                assertTrue(explicitlyKilled.size() + terminates <= spec.workers().size() - 1,
                        () -> plan.describe());
            }
        }
    }

    @Test
    void rayOnlyClustersGetNoNomadOperatorCalls() {
        for (long seed = 1; seed <= 100; seed++) {
            FaultPlan plan = SwarmGenerator.generate(seed, RAY);
            assertFalse(plan.countByKind().containsKey(Drain.KIND));
            assertFalse(plan.countByKind().containsKey(EligibilityFlip.KIND));
            assertFalse(plan.countByKind().containsKey(JobUpdateAction.KIND));
        }
        assertFalse(SwarmGenerator.applicableKinds(RAY).contains(FaultKind.DRAIN));
        assertEquals(13, SwarmGenerator.applicableKinds(CHAOS_SWARM).size());
    }

    @Test
    void aSingleNodeClusterStillGetsAtLeastOneFault() {
        SwarmSpec single = new SwarmSpec(1, List.of(0), 0, 60_000, false, true);
        assertEquals(List.of(FaultKind.STATUS_UPDATE_CHAOS, FaultKind.SCHEDULER_STALL,
                FaultKind.LEADER_FAILOVER), SwarmGenerator.applicableKinds(single));
        for (long seed = 1; seed <= 50; seed++) {
            List<FaultKind> on = SwarmGenerator.enabledKinds(
                    SimRandom.stream(seed, SwarmGenerator.STREAM), single);
            assertFalse(on.isEmpty());
            assertTrue(SwarmGenerator.generate(seed, single).size() > 0);
        }
    }

    @Test
    void swarmPlansRoundTripThroughJsonAndDescribe() {
        for (long seed = 1; seed <= 200; seed++) {
            FaultPlan plan = SwarmGenerator.generate(seed, seed % 2 == 0 ? CHAOS_SWARM : RAY);
            assertEquals(plan, FaultPlan.fromJson(plan.toJson()), "seed " + seed);
            assertEquals(plan.size(), plan.describe().split("\n").length);
        }
    }

    /**
     * N-36: job purges (and the run of the purged job that may follow) are drawn from their own
     * stream and appended last, so every plan keeps every action it had: pinned by a digest of
     * the plans of seeds 1..2000 (chaos-swarm's shape and the mixed one) without them, recorded
     * with the generator as it was before job purges (commit 0b68fed). About 40% of the plans
     * with job updates get one.
     */
    @Test
    void jobPurgesLeaveEveryOtherActionAsItWas() {
        StringBuilder all = new StringBuilder();
        int purges = 0;
        int reruns = 0;
        for (SwarmSpec spec : List.of(CHAOS_SWARM, MIXED)) {
            for (long seed = 1; seed <= 2_000; seed++) {
                List<FaultAction> actions = SwarmGenerator.generate(seed, spec).actions();
                long pick = -1;
                for (FaultAction action : actions) {
                    if (action instanceof JobUpdateAction update && update.purges()) {
                        assertEquals(-1, pick, "at most one purge");
                        pick = update.jobPick();
                        purges++;
                    }
                }
                // The purge, and the run of the same pick (the plan is sorted by time).
                List<FaultAction> others = new ArrayList<>();
                for (FaultAction action : actions) {
                    if (action instanceof JobUpdateAction update && update.jobPick() == pick) {
                        reruns += update.purges() ? 0 : 1;
                    } else {
                        others.add(action);
                    }
                }
                all.append(new FaultPlan(others).toJson());
            }
        }
        assertEquals(JOB_PURGES_OTHERS_DIGEST, all.toString().hashCode());
        assertTrue(purges >= 600 && reruns >= purges / 3, purges + " purges, " + reruns
                + " reruns");
    }

    /** Explicit node targets of an action (not resolved-at-fire-time ones). */
    static List<Integer> targets(FaultAction action) {
        if (action instanceof TerminateInstance kill) {
            return kill.victim() == VictimRule.SLOT ? List.of(kill.victimPick()) : List.of();
        } else if (action instanceof KillAgent kill) {
            return List.of(kill.node());
        } else if (action instanceof Partition partition) {
            return partition.nodes();
        } else if (action instanceof HeartbeatLoss loss) {
            return loss.nodes();
        } else if (action instanceof HeartbeatDelay delay) {
            return delay.nodes();
        } else if (action instanceof Drain drain) {
            return List.of(drain.node());
        } else if (action instanceof EligibilityFlip flip) {
            return List.of(flip.node());
        } else if (action instanceof TaskCrash crash) {
            return List.of(crash.node());
        } else if (action instanceof ClockDrift drift) {
            return List.of(drift.node());
        } else if (action instanceof ClockJump jump) {
            return List.of(jump.node());
        }
        return List.of();
    }
}
