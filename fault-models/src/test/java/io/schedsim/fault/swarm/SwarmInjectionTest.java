package io.schedsim.fault.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.inject.FakeClusterControl;
import io.schedsim.fault.inject.FaultInjector;
import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.inject.HealOptions;
import io.schedsim.fault.inject.HealPhase;
import io.schedsim.fault.plan.FaultPlan;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Swarm plans driven through the injector against the fake cluster, as chaos-swarm will be. */
class SwarmInjectionTest {

    private static FaultLedger run(long seed, SwarmSpec spec, FakeClusterControl[] clusterOut) {
        Simulation simulation = new Simulation(seed);
        FakeClusterControl cluster = new FakeClusterControl(simulation, spec.nodeCount(),
                spec.headSlots().stream().mapToInt(Integer::intValue).toArray());
        for (int node = 0; node < spec.nodeCount(); node++) {
            cluster.node(node).runningWork = 1_000;
        }
        FaultPlan plan = SwarmGenerator.generate(seed, spec);
        FaultInjector injector = FaultInjector.install(simulation, cluster, plan);
        HealPhase.schedule(injector, spec.windowEndMillis(), new HealOptions(true, true));
        simulation.runUntil(SimTime.millis(spec.windowEndMillis() + 300_000));
        injector.finish();
        clusterOut[0] = cluster;
        return injector.ledger();
    }

    @Test
    void atLeastTenKindsFireOverThirtySeeds() {
        SortedSet<String> fired = new TreeSet<>();
        for (long seed = 1; seed <= 30; seed++) {
            fired.addAll(run(seed, SwarmGeneratorTest.CHAOS_SWARM, new FakeClusterControl[1])
                    .fired().keySet());
        }
        assertTrue(fired.size() >= 10, "fired kinds: " + fired);
    }

    @Test
    void everyPlannedActionIsAccountedForAndTheClusterEndsHealed() {
        for (long seed = 1; seed <= 60; seed++) {
            FakeClusterControl[] cluster = new FakeClusterControl[1];
            SwarmSpec spec = seed % 3 == 0
                    ? SwarmGeneratorTest.RAY : SwarmGeneratorTest.CHAOS_SWARM;
            FaultLedger ledger = run(seed, spec, cluster);
            assertEquals(0, ledger.unresolved(), "seed " + seed);
            assertEquals(ledger.planned(), ledger.firedTotal() + ledger.skippedTotal());
            assertFalse(ledger.fired().containsKey(FaultLedger.HEAL_KIND));
            for (int node = 0; node < cluster[0].nodeSlotCount(); node++) {
                FakeClusterControl.Node state = cluster[0].node(node);
                assertFalse(state.toServerBlocked || state.fromServerBlocked, "seed " + seed);
                assertEquals(0.0, state.heartbeatLoss);
                assertEquals(0, state.driftPpm);
                assertEquals(0, state.clockOffsetNanos);
                boolean replaced = ledger.restartedNodes().contains(node);
                assertTrue(state.hostUp && state.agentUp || replaced, "node " + node + " is up"
                        + " or was replaced by a node with a new slot");
            }
            assertEquals(1.0, cluster[0].slowdown());
            for (int head : spec.headSlots()) {
                assertFalse(ledger.killedNodes().contains(head));
            }
        }
    }

    @Test
    void sameSeedSameLedger() {
        FaultLedger a = run(17, SwarmGeneratorTest.CHAOS_SWARM, new FakeClusterControl[1]);
        FaultLedger b = run(17, SwarmGeneratorTest.CHAOS_SWARM, new FakeClusterControl[1]);
        assertEquals(a.describe(), b.describe());
        assertEquals(a.fired(), b.fired());
    }
}
