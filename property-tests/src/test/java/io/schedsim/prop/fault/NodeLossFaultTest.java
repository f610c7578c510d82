package io.schedsim.prop.fault;

import static io.schedsim.prop.fault.FaultClusters.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.RestartNode;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.task.AttemptState;
import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.model.task.TaskAttempt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F-1 host loss, F-2 agent kill and node restarts, against the real model. */
class NodeLossFaultTest {
    private static final List<JobSpec> WEB = List.of(JobSpec.service("web", 3, 500, 256));
    private static final List<JobSpec> WEB_AND_SYSTEM = List.of(
            JobSpec.service("web", 3, 500, 256), JobSpec.system("agent", 100, 64));

    /** INV-11, INV-14: down at last heartbeat + ttl + grace; its alloc lost and replaced once. */
    @Test
    void terminatedHostGoesDownAfterTtlPlusGraceAndItsAllocIsReplaced() {
        FaultClusters run = FaultClusters.nomad(11, FaultClusters.nomadConfig(), 3, WEB,
                TerminateInstance.slot(30_000, 1, 30_000));
        run.runUntil(29.5);
        Job web = run.job("web");
        List<Alloc> onVictim = run.runningOn(web, 1);
        assertEquals(1, onVictim.size(), "spread placement puts one web alloc per node");
        run.runUntil(150);
        Node victim = run.cluster.node(1);
        assertEquals(NodeStatus.DOWN, victim.status());
        long downAt = run.firstEvent(1, NodeEvent.Kind.DOWN, 0);
        long silence = downAt - victim.lastHeartbeatNanos();
        assertTrue(downAt > SimTime.seconds(30), "down only after the kill");
        assertTrue(silence >= SimTime.seconds(20) && silence < SimTime.seconds(30),
                "INV-11: ttl + grace in [20 s, 30 s), was " + seconds(silence));
        Alloc lost = onVictim.get(0);
        assertEquals(ClientStatus.LOST, lost.client());
        assertEquals(DesiredStatus.STOP, lost.desired());
        List<Alloc> replacements = run.replacementsOf(lost);
        assertEquals(1, replacements.size(), "INV-14: one replacement");
        assertNotEquals(1, replacements.get(0).node());
        run.assertRunning(web, 3);
        run.assertSettled();
    }

    /** Nomad has no refusal path: an agent kill is found by the same TTL timer (N-24). */
    @Test
    void killedAgentUnderTtlIsFoundByTheHeartbeatTimerToo() {
        FaultClusters run = FaultClusters.nomad(12, FaultClusters.nomadConfig(), 3, WEB,
                new KillAgent(30_000, 2));
        run.runUntil(150);
        Node victim = run.cluster.node(2);
        long silence = run.firstEvent(2, NodeEvent.Kind.DOWN, 0) - victim.lastHeartbeatNanos();
        assertTrue(silence >= SimTime.seconds(20) && silence < SimTime.seconds(30),
                "ttl + grace, was " + seconds(silence));
        assertTrue(victim.hostUp(), "F-2 leaves the host up");
        run.assertRunning(run.job("web"), 3);
        run.assertSettled();
    }

    /**
     * SC-12(a)(b), R-8: a refused check fails at once, so an agent kill is DEAD after about
     * threshold × period (12–18 s); a vanished host times out, so DEAD takes threshold × (timeout
     * + period), between (threshold − 1)(timeout + period) = 52 s and the INV-12 bound of 68 s.
     */
    @Test
    void agentKillIsDetectedFastAndHostLossSlowUnderHealthChecks() {
        double agent = rayDetectionSeconds(new KillAgent(30_000, 1));
        double host = rayDetectionSeconds(TerminateInstance.slot(30_000, 1, 30_000));
        assertTrue(agent >= 12 && agent <= 18, "agent kill detected after " + agent + " s");
        assertTrue(host >= 52 && host <= 68, "host loss detected after " + host + " s");
    }

    private static double rayDetectionSeconds(FaultAction kill) {
        FaultClusters run = FaultClusters.ray(13, FaultClusters.rayConfig(), 3, null, kill);
        run.runUntil(200);
        run.assertNoViolations();
        assertEquals(List.of(1), run.everDown(), "only the victim is DEAD (INV-13)");
        return seconds(run.firstEvent(1, NodeEvent.Kind.DOWN, 0)) - 30;
    }

    /** attempts on the lost host fail NODE_DIED and are retried; all tasks finish. */
    @Test
    void hostLossUnderHealthChecksRetriesTheTasksThatRanThere() {
        FaultClusters run = FaultClusters.ray(14, FaultClusters.rayConfig(), 3,
                FaultClusters.flatTasks(12, 60, 3), TerminateInstance.slot(20_000, 1, 20_000));
        run.runUntil(300);
        RayWorkload ray = run.cluster.ray();
        assertTrue(ray.allTerminal());
        assertEquals(12, ray.completed());
        assertEquals(0, ray.failed());
        assertTrue(ray.lostAttempts() > 0, "some attempts ran on the lost host");
        int retried = 0;
        for (int task = 0; task < ray.outerTaskCount(); task++) {
            List<TaskAttempt> attempts = ray.attempts(task);
            if (attempts.size() > 1) {
                retried++;
                assertEquals(ErrorType.NODE_DIED, attempts.get(0).errorType());
                assertEquals(AttemptState.FINISHED, attempts.get(attempts.size() - 1).state());
            }
        }
        assertEquals(ray.lostAttempts(), retried, "one retry per lost attempt");
        run.assertNoViolations();
    }

    /**
     * N-28: a restarted Nomad client re-registers under its id (down → ready); its allocs stay
     * lost and are not duplicated: the job ends with exactly its count running.
     */
    @Test
    void restartWithSameIdentityReRegistersAndDoesNotDuplicateLostAllocs() {
        FaultClusters run = FaultClusters.nomad(15, FaultClusters.nomadConfig(), 3, WEB,
                new KillAgent(30_000, 1), new RestartNode(120_000, 1, true));
        run.runUntil(110);
        Job web = run.job("web");
        assertEquals(NodeStatus.DOWN, run.cluster.node(1).status());
        List<Alloc> lost = run.allocs(web).stream().filter(a -> a.node() == 1).toList();
        assertEquals(1, lost.size());
        run.runUntil(300);
        assertEquals(3, run.cluster.nodeSlotCount(), "same slot, no new node");
        assertEquals(NodeStatus.READY, run.cluster.node(1).status());
        assertTrue(run.firstEvent(1, NodeEvent.Kind.READY, 120) > 0, "re-registered");
        assertEquals(ClientStatus.LOST, lost.get(0).client(), "a lost alloc never runs again");
        assertEquals(1, run.replacementsOf(lost.get(0)).size());
        assertEquals(4, run.allocs(web).size(), "3 placements + 1 replacement, no duplicate");
        run.assertRunning(web, 3);
        run.assertSettled();
    }

    /** A replacement under a new id: a fresh slot joins and gets its system alloc (N-35). */
    @Test
    void restartWithNewIdentityJoinsAsAFreshSlot() {
        FaultClusters run = FaultClusters.nomad(16, FaultClusters.nomadConfig(), 3,
                WEB_AND_SYSTEM, TerminateInstance.slot(30_000, 1, 30_000),
                new RestartNode(120_000, 1, false));
        run.runUntil(300);
        assertEquals(4, run.cluster.nodeSlotCount());
        Node fresh = run.cluster.node(3);
        assertEquals(1, fresh.replacesSlot());
        assertEquals(NodeStatus.READY, fresh.status());
        assertEquals(NodeStatus.DOWN, run.cluster.node(1).status(), "the old id stays down");
        assertTrue(run.firedDetail(1).contains("joined as node=3"), run.firedDetail(1));
        Job agent = run.job("agent");
        assertEquals(1, run.runningOn(agent, 3).size(), "system alloc on the joined node");
        run.assertRunning(agent, 3);
        run.assertRunning(run.job("web"), 3);
        run.assertSettled();
    }

    /** Ray DEAD is final (INV-18): even a same-identity restart joins under a new node id. */
    @Test
    void restartUnderRayAlwaysJoinsUnderANewId() {
        FaultClusters run = FaultClusters.ray(17, FaultClusters.rayConfig(), 3, null,
                new KillAgent(20_000, 2), new RestartNode(60_000, 2, true));
        run.runUntil(200);
        assertEquals(5, run.cluster.nodeSlotCount());
        assertEquals(NodeStatus.DOWN, run.cluster.node(2).status());
        assertFalse(run.firstEvent(2, NodeEvent.Kind.READY, 21) > 0, "DEAD never ALIVE again");
        assertEquals(NodeStatus.READY, run.cluster.node(4).status());
        assertEquals(2, run.cluster.node(4).replacesSlot());
        run.assertNoViolations();
    }
}
