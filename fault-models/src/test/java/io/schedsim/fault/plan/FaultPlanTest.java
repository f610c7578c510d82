package io.schedsim.fault.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void actionsAreSortedByTimeAndTheSortIsStable() {
        FaultAction late = new LeaderFailover(9_000);
        FaultAction firstAtFive = new EligibilityFlip(5_000, 1, true);
        FaultAction secondAtFive = new EligibilityFlip(5_000, 1, false);
        FaultPlan plan = FaultPlan.of(late, firstAtFive, secondAtFive);
        assertEquals(List.of(firstAtFive, secondAtFive, late), plan.actions());
        for (int i = 1; i < plan.size(); i++) {
            assertTrue(plan.get(i - 1).atMillis() <= plan.get(i).atMillis());
        }
    }

    @Test
    void describePrintsOneLinePerAction() {
        FaultPlan plan = new FaultPlan(SampleActions.all());
        String[] lines = plan.describe().split("\n", -1);
        assertEquals(plan.size() + 1, lines.length, "one line per action, then the final newline");
        assertEquals("", lines[plan.size()]);
        for (int i = 0; i < plan.size(); i++) {
            assertEquals(plan.get(i).describe(), lines[i]);
            assertTrue(lines[i].startsWith("t="), lines[i]);
            assertTrue(lines[i].contains(" " + plan.get(i).kind()), lines[i]);
        }
        assertEquals("", FaultPlan.EMPTY.describe());
    }

    @Test
    void describeMatchesTheDocumentedForm() {
        assertEquals("t=61.234s terminate-instance victim=first recheck-until=119.999s",
                TerminateInstance.first(61_234, 119_999).describe());
        assertEquals("t=61.234s terminate-instance victim=first",
                TerminateInstance.first(61_234, 61_234).describe());
        assertEquals("t=0.005s partition for=5.000s nodes=[1, 2] direction=to-server",
                new Partition(5, 5_000, List.of(2, 1), PartitionDirection.TO_SERVER).describe());
        assertEquals("t=9.000s drain node=1 set deadline=60.000s ignore-system",
                Drain.deadline(9_000, 1, 60_000, true).describe());
        assertEquals("t=20.000s drain node=1 cancel keep-ineligible",
                Drain.cancel(20_000, 1, false).describe());
        assertEquals("t=16.000s leader-failover", new LeaderFailover(16_000).describe());
    }

    @Test
    void withoutRemovesExactlyOneAction() {
        FaultPlan plan = new FaultPlan(SampleActions.all());
        for (int i = 0; i < plan.size(); i++) {
            FaultPlan smaller = plan.without(i);
            assertEquals(plan.size() - 1, smaller.size());
            List<FaultAction> expected = new java.util.ArrayList<>(plan.actions());
            expected.remove(i);
            assertEquals(expected, smaller.actions());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> plan.without(plan.size()));
    }

    @Test
    void withReplacesAndKeepsThePlanSorted() {
        FaultPlan plan = FaultPlan.of(new LeaderFailover(1_000), new LeaderFailover(2_000),
                new LeaderFailover(3_000));
        FaultPlan moved = plan.with(0, new LeaderFailover(5_000));
        assertEquals(List.of(new LeaderFailover(2_000), new LeaderFailover(3_000),
                new LeaderFailover(5_000)), moved.actions());
        FaultPlan same = plan.with(1, new KillAgent(2_000, 4));
        assertEquals(new KillAgent(2_000, 4), same.get(1));
        assertEquals(3, same.size());
        assertNotEquals(plan, same);
    }

    @Test
    void plusMergesAndCountsByKind() {
        FaultPlan a = FaultPlan.of(new LeaderFailover(1_000), new KillAgent(1_000, 1));
        FaultPlan b = FaultPlan.of(new LeaderFailover(500));
        FaultPlan both = a.plus(b);
        assertEquals(3, both.size());
        assertEquals(new LeaderFailover(500), both.get(0));
        assertEquals(2, both.countByKind().get(LeaderFailover.KIND));
        assertEquals(1, both.countByKind().get(KillAgent.KIND));
    }

    @Test
    void everyActionTypeHasADistinctKebabCaseKind() {
        Set<String> kinds = new TreeSet<>();
        Set<Class<?>> types = new java.util.LinkedHashSet<>();
        for (FaultAction action : SampleActions.all()) {
            assertTrue(action.kind().matches("[a-z]+(-[a-z]+)*"), action.kind());
            kinds.add(action.kind());
            types.add(action.getClass());
        }
        assertEquals(FaultAction.class.getPermittedSubclasses().length, types.size(),
                "the sample covers every permitted action type");
        assertEquals(types.size(), kinds.size());
    }

    @Test
    void recordsRejectInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new LeaderFailover(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new Partition(0, 0, List.of(1), PartitionDirection.BOTH));
        assertThrows(IllegalArgumentException.class,
                () -> new Partition(0, 10, List.of(), PartitionDirection.BOTH));
        assertThrows(IllegalArgumentException.class,
                () -> new HeartbeatLoss(0, 10, List.of(1), 1.5));
        assertThrows(IllegalArgumentException.class, () -> new KillAgent(0, FaultAction.ANY_NODE));
        assertThrows(IllegalArgumentException.class, () -> TerminateInstance.first(10, 9));
        assertThrows(IllegalArgumentException.class, () -> new TaskCrash(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Drain.deadline(0, 1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan(null));
    }

    @Test
    void timesStayWithinAThousandDaysAndDeadlinesAreNotNegative() {
        long max = FaultAction.TIME_MILLIS_MAX;
        new KillAgent(max, 0);
        assertThrows(IllegalArgumentException.class, () -> new KillAgent(max + 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new KillAgent(Long.MAX_VALUE - 1_000, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SchedulerStall(0, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class,
                () -> new HeartbeatDelay(0, 10, List.of(1), Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new ClockJump(0, 1, Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class,
                () -> new StatusUpdateChaos(0, 10, max + 1, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new TerminateInstance(0, VictimRule.FIRST, 0, max + 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Drain(0, 1, DrainOp.SET, -7, false, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Drain(0, 1, DrainOp.SET, max + 1, false, false));
        assertEquals(-max, new ClockJump(0, 1, -max).deltaMillis());
    }

    @Test
    void canonicalFormsMakeEqualCallsEqual() {
        assertEquals(new Partition(0, 10, List.of(3, 1, 3), PartitionDirection.BOTH),
                new Partition(0, 10, List.of(1, 3), PartitionDirection.BOTH));
        assertEquals(Drain.cancel(0, 1, true), new Drain(0, 1, DrainOp.CANCEL, 500, true, true));
        assertEquals(Drain.force(0, 1, false),
                new Drain(0, 1, DrainOp.SET, Drain.FORCE_DEADLINE_MILLIS, false, true));
        assertEquals(TerminateInstance.first(0, 0),
                new TerminateInstance(0, VictimRule.FIRST, 9, 0));
        assertSame(FaultPlan.EMPTY.actions().getClass(), FaultPlan.EMPTY.actions().getClass());
    }
}
