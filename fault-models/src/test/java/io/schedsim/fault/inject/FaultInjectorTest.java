package io.schedsim.fault.inject;

import static io.schedsim.fault.inject.Harness.heads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.fault.plan.ClockJump;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.plan.RestartNode;
import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.TaskCrash;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    @Test
    void actionsFireAtTheirTimesInPlanOrder() {
        Harness harness = new Harness(4, heads(),
                new LeaderFailover(3_000),
                new EligibilityFlip(1_000, 1, false),
                new EligibilityFlip(1_000, 2, false),
                new KillAgent(2_500, 3),
                new ClockJump(2_500, 1, 250));
        harness.runUntil(10_000);
        assertEquals(List.of(
                "1000 updateEligibility 1 false",
                "1000 updateEligibility 2 false",
                "2500 killAgent 3",
                "2500 jumpClock 1 250000000",
                "3000 leaderFailover"), harness.cluster.calls());
        FaultLedger ledger = harness.ledger();
        assertEquals(5, ledger.planned());
        assertEquals(5, ledger.firedTotal());
        assertEquals(0, ledger.skippedTotal());
        assertEquals(0, ledger.unresolved());
        assertEquals(Map.of("clock-jump", 1, "eligibility-flip", 2, "kill-agent", 1,
                "leader-failover", 1), ledger.fired());
        assertEquals(List.of(1_000L, 1_000L, 2_500L, 2_500L, 3_000L),
                ledger.entries().stream().map(LedgerEntry::timeMillis).toList());
    }

    @Test
    void firedAndSkippedAreSortedByKind() {
        Harness harness = new Harness(3, heads(),
                new TaskCrash(1_000, 1, 1),
                new LeaderFailover(1_000),
                new KillAgent(500, 2),
                new KillAgent(600, 2));
        harness.runUntil(5_000);
        assertEquals(List.of("kill-agent", "leader-failover"),
                List.copyOf(harness.ledger().fired().keySet()));
        assertEquals(new TreeMap<>(Map.of("kill-agent", 1, "task-crash", 1)),
                harness.ledger().skipped());
        List<LedgerEntry> skips = harness.ledger().skips();
        assertEquals("agent already down", skips.get(0).detail());
        assertEquals(2, skips.get(0).node());
        assertEquals("no running work on node", skips.get(1).detail());
    }

    /** a cancel is recursive (Ray's default); with no unresolved task it is skipped. */
    @Test
    void aCancelWithNoTaskToCancelIsSkipped() {
        Harness harness = new Harness(2, heads(), new CancelTask(1_000, 4, true));
        harness.runUntil(5_000);
        assertEquals(List.of("1000 cancelTask 4 true true"),
                harness.cluster.calls("cancelTask"));
        assertEquals(Map.of("cancel-task", 1), harness.ledger().skipped());
        assertEquals("no unresolved task", harness.ledger().skips().get(0).detail());
    }

    /** N-20, N-31: a purge the cluster rejects (node not found) is skipped, not fired. */
    @Test
    void aPurgeFiresOnceAndARepeatIsSkipped() {
        Harness harness = new Harness(3, heads(),
                Drain.deadline(1_000, 1, 60_000, false),
                new NodePurge(2_000, 1),
                new NodePurge(3_000, 1),
                new NodePurge(4_000, 7));
        harness.runUntil(10_000);
        assertEquals(List.of("2000 purgeNode 1", "3000 purgeNode 1"),
                harness.cluster.calls("purgeNode"));
        assertFalse(harness.cluster.isDraining(1), "the drain went with the node");
        assertEquals(Map.of("drain", 1, "purge-node", 1), harness.ledger().fired());
        assertEquals(Map.of("purge-node", 2), harness.ledger().skipped());
        assertEquals(List.of("node not found", Targets.NO_SUCH_NODE),
                harness.ledger().skips().stream().map(LedgerEntry::detail).toList());
    }

    @Test
    void operatorCallsFireEvenWhenTheClusterRejectsThem() {
        Harness harness = new Harness(3, heads(),
                Drain.deadline(1_000, 1, 60_000, true),
                new EligibilityFlip(2_000, 1, true),
                Drain.force(3_000, 1, false),
                Drain.cancel(4_000, 1, false),
                new EligibilityFlip(5_000, 1, true));
        harness.runUntil(10_000);
        List<String> details = harness.ledger().entries().stream()
                .map(LedgerEntry::detail).toList();
        assertEquals(List.of("enable accepted",
                "eligible rejected: can not set node's scheduling eligibility to eligible while"
                        + " it is draining",
                "update accepted", "cancel accepted", "eligible accepted"), details);
        assertEquals(Map.of("drain", 3, "eligibility-flip", 2), harness.ledger().fired());
        assertEquals(List.of("1000 updateDrain 1 60000 true", "3000 updateDrain 1 -1000 false",
                "4000 cancelDrain 1 false"), harness.cluster.calls().stream()
                .filter(call -> call.contains("Drain")).toList());
    }

    @Test
    void restartAnyBringsBackTheFirstNodeThatWentDown() {
        Harness harness = new Harness(4, heads(),
                new KillAgent(1_000, 3),
                new KillAgent(2_000, 1),
                new RestartNode(5_000, FaultAction.ANY_NODE, true),
                new RestartNode(6_000, FaultAction.ANY_NODE, false),
                new RestartNode(7_000, FaultAction.ANY_NODE, true),
                new RestartNode(8_000, 2, true));
        harness.runUntil(10_000);
        assertEquals(List.of("5000 restartNode 3 true", "6000 restartNode 1 false"),
                harness.cluster.calls("restartNode"));
        assertEquals(5, harness.cluster.nodeSlotCount(), "a new identity takes a new slot");
        List<LedgerEntry> skips = harness.ledger().skips();
        assertEquals("no node down", skips.get(0).detail());
        assertEquals("node is up", skips.get(1).detail());
        assertTrue(harness.ledger().entries().stream()
                .anyMatch(entry -> entry.detail().equals("joined as node=4")));
        assertEquals(List.of(1, 3), List.copyOf(harness.ledger().agentKilledNodes()));
        assertEquals(List.of(1, 3), List.copyOf(harness.ledger().restartedNodes()));
    }

    @Test
    void taskCrashCountsWhatItCrashed() {
        Harness harness = new Harness(2, heads(), new TaskCrash(1_000, 1, 3));
        harness.cluster.node(1).runningWork = 2;
        harness.runUntil(2_000);
        assertEquals(3, harness.cluster.calls("crashRunningWork").size());
        assertEquals("crashed 2 of 3", harness.ledger().entries().get(0).detail());
        assertEquals(Map.of("task-crash", 1), harness.ledger().fired());
    }

    @Test
    void targetsThatDoNotExistOrAreGoneAreSkippedWithAReason() {
        Harness harness = new Harness(3, heads(),
                new KillAgent(1_000, 7),
                new EligibilityFlip(1_000, 9, true),
                new ClockJump(2_000, 2, 100),
                new KillAgent(2_000, 2));
        harness.cluster.node(2).hostUp = false;
        harness.runUntil(5_000);
        assertEquals(List.of("no such node", "no such node", "node already terminated",
                "node already terminated"),
                harness.ledger().skips().stream().map(LedgerEntry::detail).toList());
        assertTrue(harness.cluster.calls().isEmpty(), harness.cluster.calls().toString());
        assertEquals(4, harness.ledger().skippedTotal());
    }

    @Test
    void finishRecordsEveryActionTheRunNeverReached() {
        Harness harness = new Harness(3, heads(),
                new LeaderFailover(1_000),
                new LeaderFailover(50_000),
                new KillAgent(60_000, 1));
        harness.runUntil(10_000);
        assertEquals(2, harness.ledger().unresolved());
        harness.injector.finish();
        assertEquals(0, harness.ledger().unresolved());
        assertEquals(Map.of("kill-agent", 1, "leader-failover", 1), harness.ledger().skipped());
        assertTrue(harness.ledger().skips().get(0).detail().startsWith("not reached"));
        harness.runUntil(100_000);
        assertEquals(1, harness.cluster.failovers(), "cancelled actions never fire");
        harness.injector.finish();
        assertEquals(3, harness.ledger().firedTotal() + harness.ledger().skippedTotal());
    }

    @Test
    void actionsPlannedBeforeInstallFireAtOnce() {
        Simulation simulation = new Simulation(1);
        FakeClusterControl cluster = new FakeClusterControl(simulation, 2);
        simulation.runUntil(5_000_000_000L);
        FaultInjector late = FaultInjector.install(simulation, cluster,
                FaultPlan.of(new LeaderFailover(1_000)));
        simulation.runUntil(6_000_000_000L);
        assertEquals(List.of("5000 leaderFailover"), cluster.calls());
        assertEquals(1, late.ledger().firedTotal());
    }
}
