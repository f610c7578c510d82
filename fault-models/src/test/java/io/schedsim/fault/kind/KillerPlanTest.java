package io.schedsim.fault.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.fault.plan.VictimRule;
import org.junit.jupiter.api.Test;

class KillerPlanTest {
    private static final long INTERVAL_MILLIS = 60_000;
    private static final long HORIZON_MILLIS = 3_600_000;

    @Test
    void exactlyMaxKillsOnePerWindowInsideItsWindow() {
        for (long seed = 1; seed <= 200; seed++) {
            FaultPlan plan = KillerPlan.generate(SimRandom.stream(seed, "faults"),
                    INTERVAL_MILLIS, 2, HORIZON_MILLIS, false);
            assertEquals(2, plan.size(), "seed " + seed);
            for (int window = 0; window < plan.size(); window++) {
                TerminateInstance kill = (TerminateInstance) plan.get(window);
                long windowStart = window * INTERVAL_MILLIS;
                assertTrue(kill.atMillis() >= windowStart, kill.describe());
                assertTrue(kill.atMillis() < windowStart + INTERVAL_MILLIS, kill.describe());
                assertEquals(windowStart + INTERVAL_MILLIS - 1, kill.recheckUntilMillis());
                assertEquals(VictimRule.FIRST, kill.victim());
            }
        }
    }

    @Test
    void offsetsFollowSetupChaosDraws() {
        SimRandom mirror = SimRandom.stream(7, "faults");
        FaultPlan plan = KillerPlan.generate(SimRandom.stream(7, "faults"), INTERVAL_MILLIS, 3,
                HORIZON_MILLIS, false);
        for (int window = 0; window < 3; window++) {
            long offset = (long) (mirror.nextDouble() * INTERVAL_MILLIS);
            mirror.nextInt(Integer.MAX_VALUE);
            assertEquals(window * INTERVAL_MILLIS + offset, plan.get(window).atMillis());
        }
    }

    @Test
    void sameSeedSamePlanAndOtherSeedsDiffer() {
        FaultPlan a = KillerPlan.generate(SimRandom.stream(42, "faults"), INTERVAL_MILLIS, 5,
                HORIZON_MILLIS, true);
        FaultPlan b = KillerPlan.generate(SimRandom.stream(42, "faults"), INTERVAL_MILLIS, 5,
                HORIZON_MILLIS, true);
        FaultPlan c = KillerPlan.generate(SimRandom.stream(43, "faults"), INTERVAL_MILLIS, 5,
                HORIZON_MILLIS, true);
        assertEquals(a, b);
        assertEquals(a.toJson(), b.toJson());
        assertNotEquals(a, c);
    }

    @Test
    void victimRuleDoesNotMoveTheKillTimes() {
        FaultPlan first = KillerPlan.generate(SimRandom.stream(9, "faults"), INTERVAL_MILLIS, 4,
                HORIZON_MILLIS, false);
        FaultPlan random = KillerPlan.generate(SimRandom.stream(9, "faults"), INTERVAL_MILLIS, 4,
                HORIZON_MILLIS, true);
        for (int i = 0; i < 4; i++) {
            assertEquals(first.get(i).atMillis(), random.get(i).atMillis());
            assertEquals(VictimRule.RANDOM, ((TerminateInstance) random.get(i)).victim());
        }
    }

    @Test
    void killsPastTheHorizonAreLeftOut() {
        FaultPlan plan = KillerPlan.generate(SimRandom.stream(1, "faults"), INTERVAL_MILLIS, 10,
                150_000, false);
        assertTrue(plan.size() >= 2 && plan.size() <= 3, plan.describe());
        for (int i = 0; i < plan.size(); i++) {
            assertTrue(plan.get(i).atMillis() < 150_000);
        }
        assertEquals(0, KillerPlan.generate(SimRandom.of(1), INTERVAL_MILLIS, 0, HORIZON_MILLIS,
                false).size());
    }
}
