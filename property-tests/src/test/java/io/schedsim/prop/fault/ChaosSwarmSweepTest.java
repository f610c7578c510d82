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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * chaos-swarm on the correct model (acceptance 04-fault-coverage): no invariant is violated over
 * many seeds, and the swarm reaches most fault kinds within a few seeds.
 */
class ChaosSwarmSweepTest {
    private static final int COVERAGE_SEEDS = 30;
    private static final int KINDS_MIN = 10;

    /**
     * A run takes a few milliseconds: 1,000 FIFO seeds and 200 under each seeded same-time
     * ordering stay well within the suite's budget.
     */
    @ParameterizedTest
    @CsvSource({"fifo, 1000", "random, 200", "pct, 200"})
    void correctModelViolatesNothingOverManySeeds(String ordering, int seeds) {
        Map<Long, String> failures = new TreeMap<>();
        for (long seed = 1; seed <= seeds; seed++) {
            RunOutcome outcome = SwarmRuns.run(seed, SwarmRuns.ordering(ordering), null);
            if (outcome.result().violated()) {
                failures.put(seed, outcome.result().violations().get(0) + "\nplan:\n"
                        + outcome.plan().describe());
            }
        }
        assertEquals(Map.of(), failures, "chaos-swarm seeds failing under " + ordering);
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
