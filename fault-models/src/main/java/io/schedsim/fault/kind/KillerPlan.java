package io.schedsim.fault.kind;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillRaylet;
import io.schedsim.fault.plan.TerminateInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ray chaos killer as a plan (SC-1; ray:release/nightly_tests/setup_chaos.py,
 * {@code ResourceKillerActor.run}): per window k, {@code s = uniform[0,1) × interval}, sleep s,
 * kill, stop once {@code maxKills} are killed, sleep {@code interval − s}. Window k thus holds one
 * kill at {@code k·interval + s_k}. Victim rules, the head exclusion and the one-worker floor are
 * applied by the injector at fire time; a kill that finds no victim re-checks every second until
 * its window ends and is then recorded as skipped (Ray would retry in the next window; the plan
 * keeps one kill per window instead, so every kill's window is fixed by the plan).
 */
public final class KillerPlan {
    private KillerPlan() {}

    /**
     * Draws the kill times from {@code faults}: two draws per window (the offset, then a victim
     * pick that only {@code randomVictim} uses), so the kill times do not depend on the rule.
     * Kills at or after {@code horizonMillis} are left out.
     */
    public static FaultPlan generate(SimRandom faults, long killIntervalMillis, int maxKills,
            long horizonMillis, boolean randomVictim) {
        return generate(faults, killIntervalMillis, maxKills, horizonMillis, randomVictim, false);
    }

    /**
     * As {@link #generate(SimRandom, long, int, long, boolean)}, with {@code raylets}: the kills
     * are raylet kills (F-2, the CI chaos cluster's {@code RayletKiller}) instead of instance
     * terminations (F-1); the draws, and so the kill times and picks, are the same.
     */
    public static FaultPlan generate(SimRandom faults, long killIntervalMillis, int maxKills,
            long horizonMillis, boolean randomVictim, boolean raylets) {
        if (killIntervalMillis <= 0) {
            throw new IllegalArgumentException("killIntervalMillis must be > 0: "
                    + killIntervalMillis);
        }
        if (maxKills < 0) {
            throw new IllegalArgumentException("maxKills must be >= 0: " + maxKills);
        }
        List<FaultAction> kills = new ArrayList<>(maxKills);
        for (int window = 0; window < maxKills; window++) {
            long windowStartMillis = Math.multiplyExact(window, killIntervalMillis);
            long offsetMillis = (long) (faults.nextDouble() * killIntervalMillis);
            int pick = faults.nextInt(Integer.MAX_VALUE);
            long atMillis = windowStartMillis + offsetMillis;
            if (atMillis >= horizonMillis) {
                break;
            }
            long recheckUntilMillis = windowStartMillis + killIntervalMillis - 1;
            if (raylets) {
                kills.add(randomVictim
                        ? KillRaylet.random(atMillis, pick, recheckUntilMillis)
                        : KillRaylet.first(atMillis, recheckUntilMillis));
            } else {
                kills.add(randomVictim
                        ? TerminateInstance.random(atMillis, pick, recheckUntilMillis)
                        : TerminateInstance.first(atMillis, recheckUntilMillis));
            }
        }
        return new FaultPlan(kills);
    }
}
