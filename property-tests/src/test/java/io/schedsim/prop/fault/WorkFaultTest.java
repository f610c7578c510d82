package io.schedsim.prop.fault;

import static io.schedsim.prop.fault.FaultClusters.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.TraceEvent;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.SlowTasks;
import io.schedsim.fault.plan.StatusUpdateChaos;
import io.schedsim.fault.plan.TaskCrash;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.task.AttemptState;
import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.model.task.TaskAttempt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults on the work itself (F-3 task crash, slow tasks) and on client status updates. */
class WorkFaultTest {

    /** F-3, SC-10: the attempt fails WORKER_DIED, the node stays alive, the owner retries. */
    @Test
    void taskCrashFailsTheRayAttemptWithWorkerDiedAndItIsRetried() {
        FaultClusters run = FaultClusters.ray(51, FaultClusters.rayConfig(), 3,
                FaultClusters.flatTasks(6, 30, 2), new TaskCrash(10_000, 1, 1));
        run.runUntil(200);
        assertEquals("fired: crashed 1 of 1", run.firedDetail(0));
        RayWorkload ray = run.cluster.ray();
        assertEquals(6, ray.completed());
        assertEquals(1, ray.retries());
        List<List<TaskAttempt>> retried = new ArrayList<>();
        for (int task = 0; task < ray.outerTaskCount(); task++) {
            if (ray.attempts(task).size() > 1) {
                retried.add(ray.attempts(task));
            }
        }
        assertEquals(1, retried.size(), retried.toString());
        List<TaskAttempt> attempts = retried.get(0);
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals(AttemptState.FAILED, attempts.get(0).state());
        assertEquals(ErrorType.WORKER_DIED, attempts.get(0).errorType());
        assertEquals(AttemptState.FINISHED, attempts.get(1).state());
        assertEquals(List.of(), run.everDown(), "a worker kill leaves the node alive");
        run.assertNoViolations();
    }

    /** A crashed Nomad alloc fails and is rescheduled after the service delay of 30 s (N-34). */
    @Test
    void taskCrashFailsTheAllocWhichIsRescheduledAfterItsDelay() {
        FaultClusters run = FaultClusters.nomad(52, FaultClusters.nomadConfig(), 3,
                List.of(JobSpec.service("web", 3, 500, 256)), new TaskCrash(30_000, 1, 1));
        run.runUntil(200);
        Job web = run.job("web");
        List<Alloc> failed = run.allocs(web).stream()
                .filter(a -> a.client() == ClientStatus.FAILED).toList();
        assertEquals(1, failed.size());
        Alloc crashed = failed.get(0);
        assertEquals(1, crashed.node());
        List<Alloc> replacements = run.replacementsOf(crashed);
        assertEquals(1, replacements.size());
        Alloc next = replacements.get(0);
        assertEquals(1, next.rescheduleAttempts());
        double delay = seconds(next.createdNanos()) - 30;
        assertTrue(delay >= 30 && delay < 31, "rescheduled after the 30 s delay: " + delay);
        assertEquals(List.of(), run.everDown());
        run.assertRunning(web, 3);
        run.assertSettled();
    }

    /**
     * a feasible Ray task waits for resources, and runs once they free, whoever held them.
     * Here a Nomad batch alloc holds the only worker; when it completes, nothing Ray-side
     * happens, yet the waiting tasks must be leased (chaos-swarm, 3 nodes, seed 131: a retried
     * child sat at the head of the queue for ever beside a node with room for it).
     */
    @Test
    void rayTasksWaitingForCapacityHeldByANomadAllocRunWhenItFrees() {
        ClusterConfig config = FaultClusters.rayConfig();
        Cluster cluster = Cluster.create(new Simulation(55), config, ModelComponents.defaults());
        cluster.addNode(0, FaultClusters.NODE_MEM_MB, true);
        cluster.addNode(FaultClusters.NODE_CPU_MILLI, FaultClusters.NODE_MEM_MB, false);
        cluster.state().registerJob(JobSpec.batch("hog", 1, 3_500, 256, 60_000));
        cluster.setRayWorkload(FaultClusters.flatTasks(2, 10, 0));
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(30));
        assertEquals(2, cluster.ray().pending(), "no room while the batch alloc runs");
        cluster.sim().runUntil(SimTime.seconds(200));
        assertEquals(2, cluster.ray().completed(), "leased once the batch alloc completed");
        double last = seconds(cluster.ray().lastCompletionNanos());
        assertTrue(last > 60 && last < 90, "two 10 s tasks after the 60 s batch: " + last);
        assertFalse(cluster.monitor().violated(), cluster.monitor().violations()::toString);
    }

    /** Work started in the window runs slowdown × longer; work started after it does not. */
    @Test
    void slowTasksStretchOnlyWorkStartedDuringTheWindow() {
        FaultClusters run = FaultClusters.nomad(53, FaultClusters.nomadConfig(), 2,
                List.of(JobSpec.batch("early", 1, 500, 256, 60_000)),
                new SlowTasks(0, 30_000, 3.0));
        run.at(40, () -> run.cluster.state().registerJob(
                JobSpec.batch("late", 1, 500, 256, 60_000)));
        run.runUntil(300);
        double early = completedAt(run, "early");
        double late = completedAt(run, "late");
        assertTrue(early > 180 && early < 182, "3 × 60 s from about 1 s: " + early);
        assertTrue(late > 100 && late < 102, "60 s from about 40 s: " + late);
        run.assertSettled();

        FaultClusters ray = FaultClusters.ray(53, FaultClusters.rayConfig(), 2,
                FaultClusters.flatTasks(4, 10, 0), new SlowTasks(0, 5_000, 2.0));
        ray.runUntil(100);
        double last = seconds(ray.cluster.ray().lastCompletionNanos());
        assertTrue(last > 21 && last < 22, "leased at 1 s, 2 × 10 s: " + last);
    }

    private static double completedAt(FaultClusters run, String job) {
        Alloc alloc = run.allocs(run.job(job)).get(0);
        assertEquals(ClientStatus.COMPLETE, alloc.client());
        return seconds(alloc.modifiedNanos());
    }

    /**
     * Status updates delayed (so reordered) and duplicated while drains, crashes and eligibility
     * flips happen: the online checks stay quiet and the cluster ends where a run without the
     * chaos ends (every job at its count, the drain complete).
     */
    @Test
    void statusUpdateChaosBreaksNoInvariantAndConverges() {
        KindLog chaosLog = new KindLog("client.update");
        Map<String, Integer> chaos = convergedRunning(54, chaosLog,
                new StatusUpdateChaos(2_000, 120_000, 5_000, 0.5));
        Map<String, Integer> calm = convergedRunning(54, new KindLog(), new FaultAction[0]);
        assertEquals(calm, chaos);
        Map<String, Integer> deliveries = new LinkedHashMap<>();
        for (TraceEvent event : chaosLog.of("client.update")) {
            deliveries.merge(event.entity() + "/" + event.payload(), 1, Integer::sum);
        }
        assertTrue(deliveries.values().stream().anyMatch(n -> n > 1), "duplicates delivered");
    }

    private static Map<String, Integer> convergedRunning(long seed, KindLog log,
            FaultAction... chaos) {
        List<JobSpec> jobs = List.of(
                JobSpec.service("web", 3, 500, 256).withMigrate(new MigrateBlock(1, 5_000,
                        300_000)),
                JobSpec.batch("crunch", 2, 300, 256, 30_000), JobSpec.system("agent", 100, 64));
        List<FaultAction> actions = new ArrayList<>(List.of(chaos));
        actions.addAll(List.of(Drain.deadline(40_000, 1, 30_000, false),
                new EligibilityFlip(45_000, 3, false), new TaskCrash(50_000, 2, 1),
                new EligibilityFlip(80_000, 3, true)));
        FaultClusters run = FaultClusters.nomad(seed, FaultClusters.nomadConfig(), 4,
                cluster -> cluster.sim().setTraceSink(log), jobs,
                actions.toArray(FaultAction[]::new));
        run.runUntil(400);
        run.assertSettled();
        assertFalse(run.cluster.node(1).draining());
        assertNotEquals(-1, run.firstEvent(1, NodeEvent.Kind.DRAIN_COMPLETE, 40));
        Map<String, Integer> running = new LinkedHashMap<>();
        for (String name : List.of("web", "crunch", "agent")) {
            running.put(name, run.running(run.job(name)).size());
        }
        long completeBatch = run.allocs(run.job("crunch")).stream()
                .filter(a -> a.client() == ClientStatus.COMPLETE).count();
        running.put("crunch-complete", (int) completeBatch);
        return running;
    }
}
