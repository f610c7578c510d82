package io.schedsim.prop.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.kind.FaultKind;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * chaos-swarm on the correct model (acceptance 04-fault-coverage): no invariant is violated over
 * many seeds, and the swarm reaches most fault kinds within a few seeds.
 */
class ChaosSwarmSweepTest {
    /** About 30 ms a run; 300 seeds stay well within the suite's budget. */
    private static final int SWEEP_SEEDS = 300;
    private static final int COVERAGE_SEEDS = 30;
    private static final int KINDS_MIN = 10;

    @Test
    void correctModelViolatesNothingOverManySeeds() {
        Map<Long, String> failures = new TreeMap<>();
        for (long seed = 1; seed <= SWEEP_SEEDS; seed++) {
            RunOutcome outcome = SwarmRuns.run(seed);
            if (outcome.result().violated()) {
                failures.put(seed, outcome.result().violations().get(0) + "\nplan:\n"
                        + outcome.plan().describe());
            }
        }
        assertEquals(Map.of(), failures, "replay with: schedsim run chaos-swarm --seed <seed>");
    }

    @Test
    void atLeastTenFaultKindsFireOverThirtySeeds() {
        TreeSet<String> actionKinds = new TreeSet<>();
        EnumSet<FaultKind> faultKinds = EnumSet.noneOf(FaultKind.class);
        for (long seed = 1; seed <= COVERAGE_SEEDS; seed++) {
            for (Map.Entry<String, Integer> fired : SwarmRuns.run(seed).ledger().fired()
                    .entrySet()) {
                if (fired.getValue() > 0) {
                    actionKinds.add(fired.getKey());
                    faultKinds.add(FaultKind.ofAction(fired.getKey()));
                }
            }
        }
        assertTrue(actionKinds.size() >= KINDS_MIN, "action kinds fired: " + actionKinds);
        assertTrue(faultKinds.size() >= KINDS_MIN, "fault kinds fired: " + faultKinds);
    }
}
