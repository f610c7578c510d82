package io.schedsim.fault.inject;

import static io.schedsim.fault.inject.Harness.heads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.ClockJump;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import io.schedsim.fault.plan.SchedulerStall;
import io.schedsim.fault.plan.SlowTasks;
import io.schedsim.fault.plan.StatusUpdateChaos;
import io.schedsim.fault.plan.TerminateInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealPhaseTest {
    private static final long HEAL_MILLIS = 50_000;

    private static Harness everythingActiveAtHeal() {
        return new Harness(5, heads(0),
                new Partition(1_000, FaultAction.UNTIL_HEAL, List.of(1), PartitionDirection.BOTH),
                new Partition(2_000, 100_000, List.of(2), PartitionDirection.TO_SERVER),
                new HeartbeatLoss(3_000, 100_000, List.of(3), 0.7),
                new HeartbeatDelay(3_000, 100_000, List.of(4), 9_000),
                new StatusUpdateChaos(4_000, 100_000, 800, 0.2),
                new SlowTasks(5_000, 100_000, 4.0),
                new ClockDrift(6_000, 100_000, 2, 30_000),
                new ClockJump(7_000, 3, 5_000),
                new ClockJump(8_000, 3, -1_000),
                new SchedulerStall(40_000, 30_000),
                new KillAgent(9_000, 4),
                TerminateInstance.first(10_000, 10_000),
                new LeaderFailover(60_000));
    }

    @Test
    void healUndoesEveryLastingFault() {
        Harness harness = everythingActiveAtHeal();
        HealPhase.schedule(harness.injector, HEAL_MILLIS, HealOptions.LIFT_ONLY);
        harness.runUntil(HEAL_MILLIS);
        FakeClusterControl cluster = harness.cluster;
        for (int node = 1; node < 5; node++) {
            assertFalse(cluster.node(node).toServerBlocked, "node " + node);
            assertFalse(cluster.node(node).fromServerBlocked, "node " + node);
            assertEquals(0.0, cluster.node(node).heartbeatLoss);
            assertEquals(0, cluster.node(node).heartbeatDelayNanos);
            assertEquals(0, cluster.node(node).driftPpm);
            assertEquals(0, cluster.node(node).clockOffsetNanos, "clock resynchronised");
        }
        assertEquals(0, cluster.statusDelayNanos());
        assertEquals(0.0, cluster.statusDuplicate());
        assertEquals(1.0, cluster.slowdown());
        assertEquals(SimTime.millis(HEAL_MILLIS), cluster.stallUntilNanos(), "stall ended");
        assertFalse(cluster.isAgentUp(4), "LIFT_ONLY leaves killed nodes down");
    }

    @Test
    void healClosesTheWindowAndNothingFiresAfterIt() {
        Harness harness = everythingActiveAtHeal();
        HealPhase heal = HealPhase.schedule(harness.injector, HEAL_MILLIS, HealOptions.LIFT_ONLY);
        harness.runUntil(HEAL_MILLIS);
        int callsAtHeal = harness.cluster.calls().size();
        harness.simulation.runUntilQuiescent();
        assertTrue(heal.done());
        assertEquals(callsAtHeal, harness.cluster.calls().size(), "no planned end fires later");
        assertEquals(0, harness.cluster.failovers(), "the failover after heal never fired");
        FaultLedger ledger = harness.ledger();
        assertEquals(0, ledger.unresolved());
        assertEquals(ledger.planned(), ledger.firedTotal() + ledger.skippedTotal());
        assertEquals(1, ledger.skipped().get("leader-failover"));
        assertTrue(ledger.skips().get(0).detail().startsWith("fault window closed by heal"));
        assertFalse(ledger.fired().containsKey(FaultLedger.HEAL_KIND));
        assertEquals(HEAL_MILLIS, ledger.healedAtMillis());
        LedgerEntry last = ledger.entries().get(ledger.entries().size() - 1);
        assertEquals(FaultLedger.HEAL_KIND, last.kind());
        assertEquals(Outcome.HEALED, last.outcome());
    }

    @Test
    void healCanRestartTheNodesThePlanBroughtDown() {
        Harness harness = everythingActiveAtHeal();
        HealPhase.schedule(harness.injector, HEAL_MILLIS, new HealOptions(true, true));
        harness.runUntil(HEAL_MILLIS);
        assertEquals(List.of("50000 restartNode 4 true", "50000 restartNode 1 true"),
                harness.cluster.calls("restartNode"), "in the order they went down");
        assertTrue(harness.cluster.isHostUp(1));
        assertTrue(harness.cluster.isAgentUp(4));
        assertEquals(List.of(1), List.copyOf(harness.ledger().killedNodes()),
                "a restarted node is still remembered as killed");
    }

    @Test
    void disturbedNodesCoverEveryNodeAFaultTouched() {
        Harness harness = everythingActiveAtHeal();
        harness.runUntil(HEAL_MILLIS);
        assertEquals(List.of(1, 2, 3, 4), List.copyOf(harness.ledger().disturbedNodes()));
        assertEquals(List.of(1), List.copyOf(harness.ledger().killedNodes()));
        assertEquals(List.of(4), List.copyOf(harness.ledger().agentKilledNodes()));
    }

    @Test
    void secondHealDoesNothing() {
        Harness harness = everythingActiveAtHeal();
        HealPhase heal = HealPhase.manual(harness.injector, HealOptions.LIFT_ONLY);
        harness.runUntil(HEAL_MILLIS);
        heal.runNow();
        int calls = harness.cluster.calls().size();
        int entries = harness.ledger().entries().size();
        heal.runNow();
        assertEquals(calls, harness.cluster.calls().size());
        assertEquals(entries, harness.ledger().entries().size());
    }
}
