package io.schedsim.fault.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.kind.FaultKind;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.TerminateInstance;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The swarm's allowed kinds and ranges: the defaults draw exactly the plans drawn before they
 * existed; a restricted swarm draws only allowed kinds, and an allowed kind draws what it drew
 * among all the others; ranges bound kills and durations.
 */
class SwarmShapeTest {
    private static final SwarmSpec ALL = SwarmGeneratorTest.CHAOS_SWARM;

    @Test
    void everyKindAllowedAndDefaultRangesDrawTheSamePlans() {
        SwarmSpec explicit = ALL.withAllowedKinds(EnumSet.allOf(FaultKind.class))
                .withRanges(new SwarmRanges(2, 1, Long.MAX_VALUE));
        for (long seed = 1; seed <= 200; seed++) {
            assertEquals(SwarmGenerator.generate(seed, ALL).toJson(),
                    SwarmGenerator.generate(seed, explicit).toJson(), "seed " + seed);
        }
    }

    @Test
    void aRestrictedSwarmDrawsOnlyItsKindsAndWhatTheyDrewAmongAll() {
        SwarmSpec partitions = ALL.withAllowedKinds(EnumSet.of(FaultKind.PARTITION));
        int compared = 0;
        for (long seed = 1; seed <= 100; seed++) {
            FaultPlan only = SwarmGenerator.generate(seed, partitions);
            assertFalse(only.actions().isEmpty(), "seed " + seed);
            for (FaultAction action : only.actions()) {
                assertTrue(action instanceof Partition, action::describe);
            }
            List<FaultAction> amongAll = SwarmGenerator.generate(seed, ALL).actions().stream()
                    .filter(action -> action instanceof Partition).toList();
            if (!amongAll.isEmpty()) {
                assertEquals(amongAll, only.actions(), "seed " + seed);
                compared++;
            }
        }
        assertTrue(compared >= 30, compared + " seeds drew partitions among all kinds");
    }

    @Test
    void rangesBoundKillsAndDurations() {
        SwarmSpec bounded = new SwarmSpec(8, List.of(), 0, 600_000, true, true)
                .withRanges(SwarmRanges.DEFAULT.withKillsMax(1).withDurationMillis(3_000, 4_000));
        int timed = 0;
        for (long seed = 1; seed <= 200; seed++) {
            int terminates = 0;
            int agentKills = 0;
            for (FaultAction action : SwarmGenerator.generate(seed, bounded).actions()) {
                terminates += action instanceof TerminateInstance ? 1 : 0;
                agentKills += action instanceof KillAgent ? 1 : 0;
                if (action.endMillis() > action.atMillis() && action.endMillis() < 600_000) {
                    long millis = action.endMillis() - action.atMillis();
                    assertTrue(millis >= 3_000 && millis <= 4_000, action::describe);
                    timed++;
                }
            }
            assertTrue(terminates <= 1 && agentKills <= 1, "seed " + seed);
        }
        assertTrue(timed > 100, timed + " timed faults");
    }

    @Test
    void noAllowedKindThatAppliesIsAnError() {
        SwarmSpec ray = SwarmGeneratorTest.RAY.withAllowedKinds(EnumSet.of(FaultKind.DRAIN));
        assertThrows(IllegalArgumentException.class, () -> SwarmGenerator.generate(1, ray));
        assertThrows(IllegalArgumentException.class,
                () -> ALL.withAllowedKinds(EnumSet.noneOf(FaultKind.class)));
    }
}
