package io.schedsim.fault.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplificationTest {
    /** Simplification chains are short: halving from any sample value ends well within this. */
    private static final int STEPS_MAX = 10_000;

    @Test
    void everyCandidateIsTheSameKindAndStrictlySimpler() {
        for (FaultAction action : SampleActions.all()) {
            assertTrue(action.complexity() >= 0, action.describe());
            for (FaultAction simpler : action.simpler()) {
                assertEquals(action.kind(), simpler.kind(), action.describe());
                assertTrue(simpler.complexity() < action.complexity(),
                        simpler.describe() + " is not simpler than " + action.describe());
                assertTrue(simpler.complexity() >= 0, simpler.describe());
            }
        }
    }

    @Test
    void lastingFaultsKeepAFiniteEndWhenSimplified() {
        for (FaultAction action : SampleActions.all()) {
            for (FaultAction simpler : action.simpler()) {
                if (action.durationMillis() > 0) {
                    assertTrue(simpler.durationMillis() > 0, simpler.describe());
                    assertTrue(simpler.endMillis() <= action.endMillis(), simpler.describe());
                    assertTrue(simpler.atMillis() >= action.atMillis(), simpler.describe());
                }
            }
        }
    }

    @Test
    void exhaustiveSimplificationTerminates() {
        for (FaultAction action : SampleActions.all()) {
            Deque<FaultAction> frontier = new ArrayDeque<>(List.of(action));
            int steps = 0;
            FaultAction deepest = action;
            while (!frontier.isEmpty()) {
                FaultAction next = frontier.pop();
                List<FaultAction> candidates = next.simpler();
                if (!candidates.isEmpty()) {
                    frontier.push(candidates.get(0));
                    deepest = candidates.get(0);
                }
                steps++;
                assertTrue(steps < STEPS_MAX, "simplification of " + action.describe() + " loops");
            }
            assertTrue(deepest.simpler().isEmpty(), deepest.describe());
        }
    }

    @Test
    void knownSimplifications() {
        Partition partition = new Partition(0, 10_000, List.of(1, 2), PartitionDirection.BOTH);
        List<FaultAction> simpler = partition.simpler();
        assertTrue(simpler.contains(
                new Partition(0, 5_000, List.of(1, 2), PartitionDirection.BOTH)));
        assertTrue(simpler.contains(new Partition(5_000, 5_000, List.of(1, 2),
                PartitionDirection.BOTH)), "later start, same end");
        assertTrue(simpler.contains(new Partition(0, 10_000, List.of(2), PartitionDirection.BOTH)));
        assertTrue(simpler.contains(new Partition(0, 10_000, List.of(1, 2),
                PartitionDirection.TO_SERVER)));
        assertEquals(List.of(TerminateInstance.first(5, 6)),
                TerminateInstance.random(5, 77, 6).simpler());
        assertTrue(new LeaderFailover(1).simpler().isEmpty());
        assertTrue(new TaskCrash(1, 1, 4).simpler().contains(new TaskCrash(1, 1, 1)));
        assertFalse(new Partition(0, FaultAction.UNTIL_HEAL, List.of(1), PartitionDirection.BOTH)
                .simpler().stream().anyMatch(a -> a.durationMillis() != FaultAction.UNTIL_HEAL),
                "an until-heal fault never gets an invented end");
    }

    @Test
    void shrinkCandidatesAreSmallerPlans() {
        FaultPlan plan = new FaultPlan(SampleActions.all());
        List<FaultPlan> candidates = plan.shrinkCandidates();
        int simplifications = 0;
        for (FaultAction action : plan.actions()) {
            simplifications += action.simpler().size();
        }
        assertEquals(plan.size() + simplifications, candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            FaultPlan candidate = candidates.get(i);
            if (i < plan.size()) {
                assertEquals(plan.without(i), candidate);
            } else {
                assertEquals(plan.size(), candidate.size());
                assertTrue(candidate.complexity() < plan.complexity());
            }
        }
        assertTrue(FaultPlan.EMPTY.shrinkCandidates().isEmpty());
    }

    @Test
    void planComplexitySumsItsActions() {
        List<FaultAction> actions = new ArrayList<>(SampleActions.all());
        long sum = 0;
        for (FaultAction action : actions) {
            sum += action.complexity();
        }
        assertEquals(sum, new FaultPlan(actions).complexity());
    }
}
