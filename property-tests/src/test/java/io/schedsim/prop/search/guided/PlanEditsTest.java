package io.schedsim.prop.search.guided;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.swarm.SwarmGenerator;
import io.schedsim.fault.swarm.SwarmSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plan edits: every kind occurs, each result is a valid plan that differs from the one edited
 * in the way its kind says (one action fewer or more, or as many with one changed: moved, or on
 * other nodes, or stronger or weaker), and the same stream gives the same edit.
 */
class PlanEditsTest {
    private static final SwarmSpec SPEC = new SwarmSpec(7, List.of(0), 20_000, 600_000, true,
            true);

    @Test
    void editsAreValidDeterministicAndOfEveryKind() {
        Map<Integer, Integer> bySizeChange = new java.util.TreeMap<>();
        int changedInPlace = 0;
        int edits = 0;
        for (long seed = 1; seed <= 400; seed++) {
            FaultPlan plan = SwarmGenerator.generate(seed, SPEC);
            FaultPlan donor = SwarmGenerator.generate(seed + 10_000, SPEC);
            FaultPlan edited = PlanEdits.edit(plan, donor, 7, SimRandom.stream(seed, "t"));
            assertEquals(edited, PlanEdits.edit(plan, donor, 7, SimRandom.stream(seed, "t")));
            if (edited == null) {
                continue;
            }
            edits++;
            assertEquals(edited, FaultPlan.fromJson(edited.toJson()), "a valid plan");
            int change = edited.size() - plan.size();
            assertTrue(Math.abs(change) <= 1, change + " actions changed");
            bySizeChange.merge(change, 1, Integer::sum);
            if (change == 0) {
                assertNotEquals(plan, edited, "seed " + seed);
                changedInPlace++;
            }
        }
        assertTrue(edits > 300, edits + " edits of 400");
        assertTrue(bySizeChange.getOrDefault(-1, 0) > 20, bySizeChange.toString());
        assertTrue(bySizeChange.getOrDefault(1, 0) > 40, bySizeChange.toString());
        assertTrue(changedInPlace > 100, changedInPlace + " in place");
    }

    @Test
    void eachKindChangesWhatItNames() {
        FaultPlan plan = FaultPlan.of(new HeartbeatLoss(30_000, 20_000, List.of(2, 3), 0.5),
                new KillAgent(50_000, 4));
        EnumMap<PlanEdits.Kind, Integer> seen = new EnumMap<>(PlanEdits.Kind.class);
        for (long seed = 1; seed <= 600; seed++) {
            SimRandom r = SimRandom.stream(seed, "kind");
            PlanEdits.Kind kind = PlanEdits.Kind.values()[SimRandom.stream(seed, "kind")
                    .nextInt(PlanEdits.Kind.values().length)];
            FaultPlan edited = PlanEdits.edit(plan, FaultPlan.of(new LeaderFailover(40_000)), 7,
                    r);
            if (edited == null) {
                continue;
            }
            seen.merge(kind, 1, Integer::sum);
            switch (kind) {
                case REMOVE -> assertEquals(1, edited.size());
                case ADD -> assertTrue(edited.actions().contains(new LeaderFailover(40_000)));
                case DUPLICATE -> assertEquals(3, edited.size());
                case SHIFT, ALIGN -> assertNotEquals(times(plan), times(edited));
                case RETARGET, INTENSITY, COLOCATE -> {
                    assertEquals(times(plan), times(edited));
                    assertNotEquals(plan, edited);
                }
                default -> throw new AssertionError(kind);
            }
        }
        assertEquals(PlanEdits.Kind.values().length, seen.size(), seen.toString());
    }

    @Test
    void focusPutsAnActionAtTheNearMissNodeAndInstant() {
        FaultPlan plan = FaultPlan.of(new HeartbeatLoss(30_000, 20_000, List.of(2, 3), 0.5),
                new KillAgent(50_000, 4));
        FaultPlan donor = FaultPlan.of(new KillAgent(5_000, 1));
        long focusMillis = 200_000;
        int onNode = 0;
        int starts = 0;
        int ends = 0;
        int added = 0;
        for (long seed = 1; seed <= 400; seed++) {
            FaultPlan edited = PlanEdits.focus(plan, donor, 6, focusMillis, 7,
                    SimRandom.stream(seed, "focus"));
            assertEquals(edited, PlanEdits.focus(plan, donor, 6, focusMillis, 7,
                    SimRandom.stream(seed, "focus")));
            if (edited == null) {
                continue;
            }
            assertEquals(edited, FaultPlan.fromJson(edited.toJson()), "a valid plan");
            added += edited.size() - plan.size();
            for (var action : edited.actions()) {
                if (plan.actions().contains(action)) {
                    continue;
                }
                // The one action edited or added: near the focus, by its start or its end.
                long start = action.atMillis();
                long end = action instanceof HeartbeatLoss loss ? start + loss.durationMillis()
                        : start;
                boolean nearStart = Math.abs(start - focusMillis) <= 3_200;
                boolean nearEnd = Math.abs(end - focusMillis) <= 3_200;
                assertTrue(nearStart || nearEnd, action + " seed " + seed);
                starts += nearStart ? 1 : 0;
                ends += nearEnd && !nearStart ? 1 : 0;
                boolean on6 = action instanceof KillAgent kill ? kill.node() == 6
                        : ((HeartbeatLoss) action).nodes().contains(6);
                onNode += on6 ? 1 : 0;
            }
        }
        assertTrue(starts > 100 && ends > 20, starts + " by start, " + ends + " by end");
        assertTrue(onNode > 150, onNode + " put on the focus node");
        assertTrue(added > 100, added + " taken from the donor");
        assertEquals(null, PlanEdits.focus(FaultPlan.of(), FaultPlan.of(), 6, focusMillis, 7,
                SimRandom.stream(1, "focus")), "nothing to aim");
    }

    private static List<Long> times(FaultPlan plan) {
        return plan.actions().stream().map(a -> a.atMillis()).sorted().toList();
    }
}
