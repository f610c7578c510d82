package io.schedsim.model.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.Violation;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.state.Node;
import io.schedsim.model.task.RayWorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * on actors: two actors of 0.25 CPU, ten 1 s tasks each, on a 0-CPU head and two
 * 1-CPU workers; both land on worker 1 (the hybrid policy packs below its spread threshold), so
 * a fault there catches both mid-task. The outcome follows max_restarts and max_task_retries,
 * and policies that restart too often or drop a task are caught by R-6 and INV-28.
 */
class RayActorsTest {
    private static final long FAULT_AT = SimTime.millis(2_500);

    @ParameterizedTest(name = "max_restarts {0}, max_task_retries {1}")
    @CsvSource({"-1, -1, 20, 0, 2", "1, 1, 20, 0, 2", "-1, 0, 18, 2, 0", "0, -1, 4, 16, 0"})
    void aHostLossRestartsOrEndsTheActors(int maxRestarts, int maxTaskRetries, long completed,
            long failed, long retries) {
        Cluster cluster = start(maxRestarts, maxTaskRetries, ModelComponents.defaults());
        cluster.terminateHost(1);
        runUntilDone(cluster);
        RayActors actors = cluster.rayActors();
        assertEquals(List.of(), violations(cluster));
        assertEquals(completed, actors.completed());
        assertEquals(failed, actors.failed());
        assertEquals(2, actors.lostAttempts(), "both actors were mid-task on worker 1");
        assertEquals(retries, actors.retries());
        assertTrue(actors.allTerminal());
        // The driver exited, so the restarted actors released worker 2 (R-6: they die with it).
        assertEquals(0, cluster.node(2).cpuUsedMilli());
        actors.checkLiveness();
        assertEquals(List.of(), violations(cluster));
    }

    @Test
    void aPreemptedDeathRestartsForFree() {
        // R-3 (ray#54175): worker 1 is drained for PREEMPTION with a 1 s deadline and terminated
        // after it, so its death is preempted and both restarts on worker 2 are free; worker 2's
        // later loss is counted, the first of max_restarts 1, and the actors end on worker 3.
        Cluster cluster = start(1, -1, 3, ModelComponents.defaults());
        cluster.rayDrainNode(1, RayDrainReason.PREEMPTION, 1_000);
        cluster.sim().runUntil(SimTime.seconds(4));
        cluster.terminateHost(1);
        cluster.sim().runUntil(SimTime.seconds(70));
        assertEquals(500, cluster.node(2).cpuUsedMilli(), "both restarted on worker 2");
        cluster.terminateHost(2);
        runUntilDone(cluster);
        assertEquals(List.of(), violations(cluster));
        assertEquals(20, cluster.rayActors().completed());
        assertEquals(4, cluster.rayActors().retries(), "one retry per actor per death");
        Cluster counted = start(0, -1, 3, ModelComponents.defaults());
        counted.rayDrainNode(1, RayDrainReason.PREEMPTION, 1_000);
        counted.sim().runUntil(SimTime.seconds(4));
        counted.terminateHost(1);
        runUntilDone(counted);
        assertEquals(List.of(), violations(counted));
        // Tasks 0..2 finished by 4 s; task 3 was in flight: 7 of each actor's 10 fail.
        assertEquals(14, counted.rayActors().failed(), "max_restarts 0: even a preemption ends"
                + " the actor");
    }

    @Test
    void aKilledWorkerRestartsItsActorAtOnce() {
        Cluster cluster = start(-1, -1, ModelComponents.defaults());
        assertTrue(cluster.crashRunningWork(1));
        // The actor restarts on worker 1 again (still the best-ranked node) and goes on.
        assertEquals(500, cluster.node(1).cpuUsedMilli());
        runUntilDone(cluster);
        assertEquals(List.of(), violations(cluster));
        assertEquals(20, cluster.rayActors().completed());
        assertEquals(1, cluster.rayActors().retries());
    }

    @Test
    void restartsPastMaxRestartsAreCaught() {
        ActorFaultPolicy alwaysRestarts = new ActorFaultPolicy() {
            @Override
            public int afterActorDeath(int maxRestarts, int restartsUsed, boolean preempted) {
                return restartsUsed + 1;
            }

            @Override
            public int afterTaskLost(int maxTaskRetries, int retriesUsed) {
                return RayActorPolicy.INSTANCE.afterTaskLost(maxTaskRetries, retriesUsed);
            }
        };
        Cluster cluster = start(0, -1,
                ModelComponents.defaults().withActorPolicy(context -> alwaysRestarts));
        cluster.terminateHost(1);
        runUntilDone(cluster);
        List<Violation> violations = violations(cluster);
        assertEquals(2, violations.size(), violations.toString());
        assertEquals(Inv.ACTOR_RESTARTS, violations.get(0).invariant());
    }

    @Test
    void aDroppedTaskIsCaughtByAtLeastOnce() {
        ActorFaultPolicy drops = new ActorFaultPolicy() {
            @Override
            public int afterActorDeath(int maxRestarts, int restartsUsed, boolean preempted) {
                return RayActorPolicy.INSTANCE.afterActorDeath(maxRestarts, restartsUsed,
                        preempted);
            }

            @Override
            public int afterTaskLost(int maxTaskRetries, int retriesUsed) {
                return GIVE_UP;
            }
        };
        Cluster cluster = start(-1, -1, ModelComponents.defaults().withActorPolicy(c -> drops));
        cluster.terminateHost(1);
        runUntilDone(cluster);
        assertEquals(List.of(), violations(cluster), "only the end of the run judges it");
        cluster.rayActors().checkLiveness();
        List<Violation> violations = violations(cluster);
        assertEquals(1, violations.size(), violations.toString());
        assertEquals(Inv.ACTOR_AT_LEAST_ONCE, violations.get(0).invariant());
    }

    @Test
    void anActorWaitingWithNoFeasibleNodeIsExcused() {
        // R-14 (chaos-swarm seed 2430): worker 2 is Ray-drained (no deadline: never a lease
        // again, R-17) and worker 1 is lost with both actors mid-task; with no node to take them
        // they stay RESTARTING for good, so their tasks can never be recorded. INV-28 excuses
        // them as INV-23 excuses a waiting task; the run never ends, as Ray's driver would hang.
        Cluster cluster = start(-1, -1, ModelComponents.defaults());
        cluster.rayDrainNode(2, RayDrainReason.PREEMPTION, 0);
        cluster.terminateHost(1);
        runUntilDone(cluster);
        assertTrue(!cluster.rayActors().allTerminal(), "the actors wait for a node");
        cluster.rayActors().checkLiveness();
        assertEquals(List.of(), violations(cluster));
    }

    @Test
    void anActorWaitingBesideAFeasibleNodeIsNotExcused() {
        // The same two actors left waiting by a placement that takes worker 1 only, so never
        // worker 2 although it is alive, schedulable and free: INV-28 still judges them.
        Cluster cluster = start(-1, -1, ModelComponents.defaults().withRayPlacement(context -> {
            RayPlacement correct = ModelComponents.defaults().rayPlacement().create(context);
            return new RayPlacement() {
                @Override
                public int pickNode(int preferredNode, long cpuMilli) {
                    return correct.pickNode(preferredNode, cpuMilli) == 1 ? 1 : -1;
                }

                @Override
                public void onNodeChanged(Node node) {
                    correct.onNodeChanged(node);
                }
            };
        }));
        cluster.terminateHost(1);
        runUntilDone(cluster);
        cluster.rayActors().checkLiveness();
        List<Violation> violations = violations(cluster);
        assertEquals(1, violations.size(), violations.toString());
        assertEquals(Inv.ACTOR_AT_LEAST_ONCE, violations.get(0).invariant());
    }

    @Test
    void aTasksLeaseEndingLetsAWaitingActorIn() {
        // R-14 (chaos-swarm seed 6441): a Ray task holds the only worker's CPU for 10 s; the
        // actor created at 1 s waits for it and is placed when the lease ends, although no
        // Nomad allocation and no node event frees anything.
        ClusterConfig config = new ClusterConfig();
        config.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        Cluster cluster = Cluster.create(new Simulation(7), config, ModelComponents.defaults());
        cluster.addNode(0, 64_000, true);
        cluster.addNode(1_000, 64_000, false);
        cluster.setRayWorkload(new RayWorkloadSpec(1, SimTime.seconds(10), false, 0, 1_000, 0,
                0));
        cluster.setRayActors(new RayActorSpec(1, 250, -1, -1, 3, SimTime.seconds(1),
                SimTime.millis(100), SimTime.seconds(1)));
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(30));
        assertEquals(List.of(), violations(cluster));
        assertTrue(cluster.rayActors().allTerminal(), "the actor ran once the task was done");
        assertEquals(3, cluster.rayActors().completed());
    }

    private static Cluster start(int maxRestarts, int maxTaskRetries,
            ModelComponents components) {
        return start(maxRestarts, maxTaskRetries, 2, components);
    }

    private static Cluster start(int maxRestarts, int maxTaskRetries, int workers,
            ModelComponents components) {
        ClusterConfig config = new ClusterConfig();
        config.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        Cluster cluster = Cluster.create(new Simulation(7), config, components);
        cluster.addNode(0, 64_000, true);
        for (int i = 0; i < workers; i++) {
            cluster.addNode(1_000, 64_000, false);
        }
        cluster.setRayActors(new RayActorSpec(2, 250, maxRestarts, maxTaskRetries, 10,
                SimTime.seconds(1), SimTime.millis(100), 0));
        cluster.start();
        cluster.sim().runUntil(FAULT_AT);
        assertEquals(500, cluster.node(1).cpuUsedMilli(), "both actors on worker 1");
        return cluster;
    }

    private static void runUntilDone(Cluster cluster) {
        long limit = SimTime.seconds(600);
        cluster.sim().runWhile(() -> !cluster.rayActors().allTerminal()
                && cluster.sim().nowNanos() < limit);
    }

    private static List<Violation> violations(Cluster cluster) {
        return cluster.monitor().violations();
    }
}
