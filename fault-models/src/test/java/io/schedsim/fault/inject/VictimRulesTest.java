package io.schedsim.fault.inject;

import static io.schedsim.fault.inject.Harness.heads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.kind.KillerPlan;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.TerminateInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Ray chaos killer's rules: first in slot order, never the head, one worker survives. */
class VictimRulesTest {

    @Test
    void firstInSlotOrderNeverTheHeadAndOneWorkerSurvives() {
        Harness harness = new Harness(4, heads(0),
                TerminateInstance.first(10_000, 10_000),
                TerminateInstance.first(20_000, 20_000),
                TerminateInstance.first(30_000, 30_000),
                TerminateInstance.first(40_000, 40_000));
        harness.runUntil(60_000);
        assertEquals(List.of("10000 terminateHost 1", "20000 terminateHost 2"),
                harness.cluster.calls());
        assertTrue(harness.cluster.isHostUp(0), "the head is never killed");
        assertTrue(harness.cluster.isHostUp(3), "one worker always survives");
        FaultLedger ledger = harness.ledger();
        assertEquals(Map.of("terminate-instance", 2), ledger.fired());
        assertEquals(Map.of("terminate-instance", 2), ledger.skipped());
        assertEquals(List.of(1, 2), List.copyOf(ledger.killedNodes()));
        for (LedgerEntry skip : ledger.skips()) {
            assertTrue(skip.detail().startsWith("no eligible victim: fewer than 2"), skip.detail());
        }
    }

    @Test
    void killedNodesAreNotPickedAgainBeforeTheServerNoticesThem() {
        Harness harness = new Harness(3, heads(),
                TerminateInstance.first(1_000, 1_000),
                TerminateInstance.first(2_000, 2_000));
        harness.runUntil(5_000);
        assertFalse(harness.cluster.isDownInServerView(0), "the fake never detects by itself");
        assertEquals(List.of("1000 terminateHost 0", "2000 terminateHost 1"),
                harness.cluster.calls());
    }

    @Test
    void nodesDownInTheServerViewAreNotCandidates() {
        Harness harness = new Harness(5, heads(0), TerminateInstance.first(1_000, 1_000));
        harness.cluster.setDown(1, true);
        harness.runUntil(5_000);
        assertEquals(List.of("1000 terminateHost 2"), harness.cluster.calls());
    }

    @Test
    void reChecksEverySecondUntilAVictimIsEligible() {
        Harness harness = new Harness(3, heads(0), TerminateInstance.first(10_000, 15_000));
        harness.cluster.setDown(2, true);
        harness.at(12_500, () -> harness.cluster.setDown(2, false));
        harness.runUntil(30_000);
        assertEquals(List.of("13000 terminateHost 1"), harness.cluster.calls());
        List<Outcome> outcomes = harness.ledger().entries().stream()
                .map(LedgerEntry::outcome).toList();
        assertEquals(List.of(Outcome.RECHECK, Outcome.RECHECK, Outcome.RECHECK, Outcome.FIRED),
                outcomes);
        assertEquals(List.of(10_000L, 11_000L, 12_000L, 13_000L), harness.ledger().entries()
                .stream().map(LedgerEntry::timeMillis).toList());
        assertEquals(1, harness.ledger().firedTotal());
        assertEquals(0, harness.ledger().skippedTotal());
    }

    @Test
    void skippedWithAReasonWhenTheWindowPasses() {
        Harness harness = new Harness(2, heads(0), TerminateInstance.first(10_000, 12_500));
        harness.runUntil(30_000);
        assertTrue(harness.cluster.calls().isEmpty());
        assertEquals(Map.of("terminate-instance", 1), harness.ledger().skipped());
        LedgerEntry skip = harness.ledger().skips().get(0);
        assertEquals(12_000, skip.timeMillis(), "last re-check inside the window");
        assertEquals("no eligible victim: fewer than 2 alive workers not yet killed (1)",
                skip.detail());
        assertEquals(0, harness.ledger().unresolved());
    }

    @Test
    void randomVictimUsesThePlannedPick() {
        Harness harness = new Harness(4, heads(0), TerminateInstance.random(1_000, 4, 1_000));
        harness.runUntil(2_000);
        assertEquals(List.of("1000 terminateHost 2"), harness.cluster.calls(),
                "candidates [1, 2, 3], pick 4 mod 3 = 1");
    }

    @Test
    void explicitSlotVictimRespectsTheRules() {
        Harness harness = new Harness(4, heads(0),
                TerminateInstance.slot(1_000, 0, 1_000),
                TerminateInstance.slot(2_000, 3, 2_000),
                TerminateInstance.slot(3_000, 3, 3_000),
                TerminateInstance.slot(4_000, 9, 4_000));
        harness.runUntil(5_000);
        assertEquals(List.of("2000 terminateHost 3"), harness.cluster.calls());
        assertEquals(List.of("victim is the head node", "node already terminated",
                "no such node"), harness.ledger().skips().stream()
                .map(LedgerEntry::detail).toList());
    }

    @Test
    void rayChaosKillerPlanKillsAtMostMaxKillsOnSc1Cluster() {
        for (long seed = 1; seed <= 50; seed++) {
            FaultPlan plan = KillerPlan.generate(SimRandom.stream(seed, "faults"), 60_000, 2,
                    3_600_000, seed % 2 == 0);
            Simulation simulation = new Simulation(seed);
            FakeClusterControl cluster = new FakeClusterControl(simulation, 10, 0);
            FaultInjector injector = FaultInjector.install(simulation, cluster, plan);
            simulation.runUntil(3_600_000_000_000L);
            injector.finish();
            assertEquals(2, injector.ledger().killedNodes().size(), "seed " + seed);
            assertFalse(injector.ledger().killedNodes().contains(0));
            List<LedgerEntry> kills = injector.ledger().entries();
            assertTrue(kills.get(0).timeMillis() < 60_000);
            assertTrue(kills.get(1).timeMillis() >= 60_000 && kills.get(1).timeMillis() < 120_000);
        }
    }
}
