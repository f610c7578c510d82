package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.JobType;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * INV-15 (N-27, N-30, N-31): the disconnect block's flow, after Nomad's
 * {@code TestHeartbeat_InvalidateHeartbeat_DisconnectedClient} (the inclusive lost_after
 * boundary) and the reconciler's disconnecting and expiring classes (reconciler/filters.go).
 */
class DisconnectGuardTest {
    private static final long LOST_AFTER_MILLIS = 60_000;

    /**
     * {@link NomadFlows#placed}: service job 10 (allocations 100 and 101 on node 1) gets a
     * disconnect block with lost_after 60 s; node 1 heartbeats at 12 s (ttl 15 s) and is cut
     * off at 13 s, so its timer fires at 37 s.
     */
    private static HistoryBuilder cutOff(boolean withBlock, boolean replace) {
        HistoryBuilder b = NomadFlows.placed();
        if (withBlock) {
            b.at(11.5).add(new JobDisconnectConfigured(b.now(), 10, LOST_AFTER_MILLIS, replace,
                    "best_score"));
        }
        b.at(12).heartbeat(1, 15_000).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(13).partition(1, true);
        b.at(22).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(32).heartbeat(2, 15_000).heartbeat(3, 15_000);
        return b.at(37);
    }

    private static HistoryBuilder unknown(HistoryBuilder b, int alloc) {
        return b.add(new AllocClientChanged(b.now(), alloc, ClientStatus.UNKNOWN));
    }

    /** Disconnected at the expiry, unknown in the next plan, lost at lastUnknown + lost_after. */
    private static HistoryBuilder disconnected(boolean replace) {
        HistoryBuilder b = cutOff(true, replace).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        b.at(37.01).plan(10, 0, 0, 0, 0);
        unknown(b, 100);
        return unknown(b, 101);
    }

    @Test
    void theCorrectFlowIsQuiet() {
        HistoryBuilder b = disconnected(true);
        b.at(42.01).plan(10, 2, 0, 0, 0).replace(102, 10, 2, 100, 1).replace(103, 10, 3, 101, 1);
        for (int t = 52; t <= 92; t += 10) {
            b.at(t).heartbeat(2, 15_000).heartbeat(3, 15_000);
        }
        // Inclusive boundary: lost exactly at 37.01 s + 60 s.
        b.at(97.01).plan(10, 0, 0, 0, 2).lost(100).lost(101);
        b.at(100).down(1);
        assertQuiet(b.at(100.5).check());
    }

    @Test
    void downWhileAnAllocationWithLostAfterRunsFires() {
        MonitorViolation v = assertFires(cutOff(true, true).down(1).at(37.5).check(),
                Invariant.DISCONNECT);
        assertEquals(1, v.node());
    }

    @Test
    void disconnectedWithoutABlockFires() {
        HistoryBuilder b = cutOff(false, true).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        assertFires(b.at(37.5).check(), Invariant.DISCONNECT);
    }

    @Test
    void downBeforeEveryUnknownAllocationExpiredFires() {
        HistoryBuilder b = disconnected(true);
        MonitorViolation v = assertFires(b.at(60).down(1).at(60.5).check(),
                Invariant.DISCONNECT);
        assertEquals(100, v.alloc());
    }

    @Test
    void lostBeforeLostAfterFires() {
        HistoryBuilder b = disconnected(true);
        b.at(97).plan(10, 0, 0, 0, 1).lost(100);
        MonitorViolation v = assertFires(b.at(97.5).check(), Invariant.DISCONNECT);
        assertEquals(100, v.alloc());
    }

    @Test
    void unknownOnAReadyNodeFires() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(11.5).add(new JobDisconnectConfigured(b.now(), 10, LOST_AFTER_MILLIS, true,
                "keep_original"));
        b.at(12).plan(10, 0, 0, 0, 0);
        unknown(b, 100);
        assertFires(b.at(12.5).check(), Invariant.DISCONNECT);
    }

    @Test
    void anUnknownAllocationWithReplaceFalseReplacedFires() {
        HistoryBuilder b = disconnected(false);
        b.at(42.01).plan(10, 1, 0, 0, 0).replace(102, 10, 2, 100, 1);
        MonitorViolation v = assertFires(b.at(42.5).check(), Invariant.DISCONNECT);
        assertEquals(102, v.alloc());
    }

    /** Nodes 2 and 3 heartbeat (ttl 15 s) at 42 s, 52 s, ... up to {@code toSeconds}. */
    private static HistoryBuilder othersAlive(HistoryBuilder b, int fromSeconds, int toSeconds) {
        for (int t = fromSeconds; t <= toSeconds; t += 10) {
            b.at(t).heartbeat(2, 15_000).heartbeat(3, 15_000);
        }
        return b;
    }

    /**
     * INV-5 (MarkGuard), chaos-swarm seed 59: both unknown allocations were replaced as
     * reschedules (N-33) and the replacements have health when a drain of the disconnected node
     * starts. N-13 counts 4 healthy (unknown allocations keep their health), count 2,
     * max_parallel 1: it marks both at once. Nothing waits on those marks: an unknown allocation
     * on a disconnected node is untainted before its mark is looked at (filters.go), and its
     * healthy replacement already holds its place.
     */
    @Test
    void drainMarksOfUnknownAllocationsWithHealthyReplacementsAreQuiet() {
        HistoryBuilder b = disconnected(true);
        b.at(42).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(42.01).plan(10, 2, 0, 0, 0).replace(102, 10, 2, 100, 1).replace(103, 10, 3, 101, 1);
        b.at(42.3).running(102).running(103);
        b.at(52).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(52.3).healthy(102).healthy(103);
        b.at(60).drain(1, 3_600_000);
        b.at(61).mark(100, false).mark(101, false);
        b.at(61.01).plan(10, 0, 0, 0, 0);
        othersAlive(b, 62, 62);
        assertQuiet(b.at(62.5).check());
    }

    /**
     * INV-10 (ReplacementGuard), chaos-swarm seeds 292, 455: a drain marks an unknown allocation
     * of its disconnected node; its replacement is then placed as a reschedule of an unknown
     * allocation (filters.go files it untainted before the mark; updateByReschedulable's unknown
     * case; N-33), with one more attempt, not as a migration.
     */
    @Test
    void aRescheduleOfAMarkedUnknownAllocationCarriesItsAttempts() {
        HistoryBuilder b = disconnected(true);
        b.at(40).drain(1, 3_600_000);
        b.at(41).mark(100, false);
        b.at(41.01).plan(10, 0, 0, 0, 0);
        b.at(42).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(42.01).plan(10, 2, 0, 0, 0).replace(102, 10, 2, 100, 1).replace(103, 10, 3, 101, 1);
        othersAlive(b, 52, 52);
        assertQuiet(b.at(52.5).check());
    }

    /** The same replacement of a marked allocation that was migrated (stopped first) may not. */
    @Test
    void aMigrationOfAMarkedAllocationWithAttemptsStillFires() {
        HistoryBuilder b = disconnected(true);
        b.at(40).drain(1, 3_600_000);
        b.at(41).mark(100, false);
        b.at(42.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 2, 100, 1);
        MonitorViolation v = assertFires(b.at(42.5).check(), Invariant.ONE_REPLACEMENT);
        assertEquals(102, v.alloc());
    }

    /**
     * INV-10 (ReplacementGuard), chaos-swarm seed 395972: the reschedule of marked unknown 100
     * is planned from a snapshot taken while node 1 is still disconnected (filters.go: untainted
     * before the mark; updateByReschedulable's unknown case, N-33: one more attempt); node 1
     * reconnects and 100 runs again before the plan commits, and the applier commits a stale
     * plan as it is (N-23). The plan's snapshot decides what kind of replacement it is.
     */
    @Test
    void aRescheduleOfAMarkedUnknownAllocationThatReconnectedBeforeTheCommitIsQuiet() {
        HistoryBuilder b = reconnectedAfterMark();
        long plannedAt = 69_990_000_000L; // node 1 still disconnected, 100 unknown
        b.at(70.02).add(new PlanCommitted(b.now(), 999, 10, plannedAt, 1, 0, 0, 0))
                .replace(102, 10, 2, 100, 1);
        b.at(70.03).plan(10, 0, 1, 1, 0).stop(100, "alloc not needed due to count");
        b.at(70.1).complete(100).running(102);
        assertQuiet(b.at(70.5).check());
    }

    /** A plan made after the reconnect sees 100 running and marked: it migrates it, 0 attempts. */
    @Test
    void aReplacementWithAttemptsPlannedAfterTheReconnectStillFires() {
        HistoryBuilder b = reconnectedAfterMark();
        long plannedAt = 70_015_000_000L;
        b.at(70.02).add(new PlanCommitted(b.now(), 999, 10, plannedAt, 1, 0, 0, 0))
                .replace(102, 10, 2, 100, 1);
        MonitorViolation v = assertFires(b.at(70.5).check(), Invariant.ONE_REPLACEMENT);
        assertEquals(102, v.alloc());
    }

    /**
     * {@link #disconnected}, a drain of node 1 marks unknown 100 at 41 s; node 1 reconnects at
     * 70 s and both allocations run again at 70.01 s.
     */
    private static HistoryBuilder reconnectedAfterMark() {
        HistoryBuilder b = disconnected(true);
        b.at(40).drain(1, 3_600_000);
        b.at(41).mark(100, false);
        b.at(41.01).plan(10, 0, 0, 0, 0);
        othersAlive(b, 42, 62);
        b.at(70).partition(1, false).heartbeat(1, 15_000).heartbeat(2, 15_000)
                .heartbeat(3, 15_000).status(1, NodeStatus.READY).nodeEvals(1);
        return b.at(70.01).running(100).running(101);
    }

    /**
     * INV-15 (DisconnectGuard), chaos-swarm seeds 7158, 13934: replace=false, a force drain marks
     * both unknown allocations of the disconnected node, then the node reconnects before its
     * clients report. "Non-terminal allocs marked for migration always migrate" (filters.go,
     * before the reconnect rules): the plan stops them as migrating and places replacements.
     * replace=false only forbids the disconnect reschedule (updateByReschedulable).
     */
    @Test
    void aMigrationOfAMarkedUnknownAllocationWithReplaceFalseIsQuiet() {
        HistoryBuilder b = disconnected(false);
        b.at(40).forceDrain(1).mark(100, false).mark(101, false).mark(200, false)
                .drainCompleted(1, true);
        b.at(40.01).plan(10, 0, 0, 0, 0);
        b.at(42).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(45).partition(1, false).heartbeat(1, 15_000).status(1, NodeStatus.READY)
                .nodeEvals(1);
        b.at(45.01).plan(10, 2, 2, 2, 0).stop(100, "alloc is being migrated")
                .stop(101, "alloc is being migrated").replace(102, 10, 2, 100, 0)
                .replace(103, 10, 3, 101, 0);
        assertQuiet(b.at(45.5).check());
    }

    /**
     * INV-14 (MigrateFirstGuard), chaos-swarm seeds 42929, 99889: an allocation marked while
     * unknown expires; the plan made at the expiry loses it (filters.go tests "expiring" before
     * the migrate rule), and the node goes down before that plan commits. Not a violation of
     * N-31's migrate-first order.
     */
    @Test
    void anExpiredMarkedAllocationLostByAPlanCommittedAfterTheNodeWentDownIsQuiet() {
        HistoryBuilder b = disconnected(false);
        b.at(40).drain(1, 3_600_000);
        b.at(41).mark(100, false);
        b.at(41.01).plan(10, 0, 0, 0, 0);
        othersAlive(b, 42, 92);
        long plannedAt = b.at(97.01).now();
        b.at(97.5).down(1);
        b.at(98).add(new PlanCommitted(b.now(), 999, 10, plannedAt, 2, 0, 0, 2));
        b.lost(100).lost(101).replace(102, 10, 2, 100, 0).replace(103, 10, 3, 101, 0);
        // Both lost (client-terminal): the drain completes and marks the system allocation.
        b.at(98.5).drainCompleted(1, false).mark(200, false);
        othersAlive(b, 102, 102);
        assertQuiet(b.at(102.5).check());
    }

    /**
     * INV-5 (MarkGuard), chaos-swarm seed 826: N-13 counts an unknown allocation with health and
     * its healthy disconnect replacement both. With 100 and 101 unknown and their replacements
     * 102, 103 healthy, drains of nodes 2 and 3 see healthy 4, count 2, max_parallel 1: numToDrain
     * = 4 - 1 = 3, so both replacements are marked at once and both wait for health.
     */
    @Test
    void doubleCountedUnknownAllocationsLetTheDrainerMarkMore() {
        HistoryBuilder b = disconnected(true);
        b.at(42).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(42.01).plan(10, 2, 0, 0, 0).replace(102, 10, 2, 100, 1).replace(103, 10, 3, 101, 1);
        b.at(42.3).running(102).running(103);
        b.at(52).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(52.3).healthy(102).healthy(103);
        b.at(60).drain(2, 3_600_000).drain(3, 3_600_000);
        b.at(61).mark(102, false).mark(103, false);
        othersAlive(b, 62, 62);
        assertQuiet(b.at(62.5).check());
    }

    /**
     * INV-5 (MarkGuard), chaos-swarm seed 11795: the unknown allocations' own reschedule links
     * led to replacements a first reconnect had stopped, so at the second disconnect the
     * reconciler fills the group with fresh placements 102, 103, linked to nothing. N-13 still
     * counts 100 and 101 (unknown, not terminal, with health: watch_jobs.go handleTaskGroup).
     * A drain of node 3 marks 103 (healthy 4, count 2, max_parallel 1); its replacement 104 has
     * no health yet when a drain of node 2 marks 102 (healthy 100, 101, 102: numToDrain = 3 - 1
     * = 2, one drainable). Two marks wait, as Nomad's formula allows.
     */
    @Test
    void unknownAllocationsReplacedByFreshPlacementsStillLetTheDrainerMarkMore() {
        assertQuiet(freshlyReplaced(true).at(62.5).check());
    }

    /** The same marks with the unknown allocations never healthy: N-13 counts 102 alone. */
    @Test
    void withoutHealthOnTheUnknownAllocationsTheSecondFreshMarkFires() {
        MonitorViolation v = assertFires(freshlyReplaced(false).at(62.5).check(),
                Invariant.PACING_WAITS_FOR_HEALTH);
        assertEquals(102, v.alloc());
    }

    /**
     * {@link #unknownAllocationsReplacedByFreshPlacementsStillLetTheDrainerMarkMore}'s flow, on
     * four nodes so that 103's replacement 104 lands on node 4, which is never drained.
     */
    private static HistoryBuilder freshlyReplaced(boolean unknownHealthy) {
        HistoryBuilder b = HistoryBuilder.nomad();
        b.node(1).node(2).node(3).node(4);
        b.at(1).job(10, JobType.SERVICE, 2, 1).job(20, JobType.SYSTEM, 0);
        b.at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1).place(101, 10, 1);
        b.plan(20, 4, 0, 0, 0).place(200, 20, 1).place(201, 20, 2).place(202, 20, 3)
                .place(203, 20, 4);
        b.at(1.2).running(100).running(101).running(200).running(201).running(202)
                .running(203);
        if (unknownHealthy) {
            b.at(11.2).healthy(100).healthy(101);
        }
        b.at(11.5).add(new JobDisconnectConfigured(b.now(), 10, LOST_AFTER_MILLIS, true,
                "keep_original"));
        b.at(12).heartbeat(1, 15_000);
        fourAlive(b, 12, 12);
        b.at(13).partition(1, true);
        fourAlive(b, 22, 32);
        b.at(37).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        b.at(37.01).plan(10, 2, 0, 0, 0);
        unknown(b, 100);
        unknown(b, 101);
        b.place(102, 10, 2).place(103, 10, 3).at(37.2).running(102).running(103);
        fourAlive(b, 42, 42);
        b.at(47.2).healthy(102).healthy(103);
        fourAlive(b, 52, 52);
        b.at(55).drain(3, 3_600_000).at(56).mark(103, false);
        b.at(56.01).plan(10, 1, 1, 1, 0).stop(103, "alloc is being migrated")
                .replace(104, 10, 4, 103).at(56.2).running(104);
        b.at(56.5).add(new AllocClientChanged(b.now(), 103, ClientStatus.COMPLETE));
        // Node 3 is done (its system allocation goes last, N-17) a batch interval later.
        b.at(57.5).drainCompleted(3, false).mark(202, false);
        b.at(57.51).plan(20, 0, 1, 1, 0).stop(202, "alloc not needed as node is tainted");
        b.at(57.6).drain(2, 3_600_000).at(58).mark(102, false);
        return fourAlive(b, 62, 62);
    }

    /** Nodes 2, 3 and 4 heartbeat (ttl 15 s) every 10 s from {@code fromSeconds}. */
    private static HistoryBuilder fourAlive(HistoryBuilder b, int fromSeconds, int toSeconds) {
        for (int t = fromSeconds; t <= toSeconds; t += 10) {
            b.at(t).heartbeat(2, 15_000).heartbeat(3, 15_000).heartbeat(4, 15_000);
        }
        return b;
    }

    /**
     * INV-5 (MarkGuard), chaos-swarm seeds 593337 and 178041: an unknown allocation's
     * reschedule replacement is marked first, then the unknown original itself, so both marks
     * wait on the one chain 100 → 102 → 103. N-13 (watch_jobs.go handleTaskGroup: not terminal,
     * HasHealth, not marked) sees healthy 100, 101 = 2 at either mark (count 2, max_parallel 1:
     * numToDrain 1), and 101, 103 = 2 once 103 has health: a third mark may follow. 103's health
     * resolves every mark along its previous allocations, not only the one its chain was last
     * filed under.
     */
    @Test
    void aMarkedReplacementOfAMarkedUnknownAllocationResolvesBothMarksWithItsHealth() {
        HistoryBuilder b = replacementMarkedThenOriginal();
        b.at(56.2).healthy(103);
        b.at(57).drain(2, 3_600_000).at(58).mark(101, false);
        b.at(58.01).plan(10, 1, 1, 1, 0).stop(101, "alloc is being migrated")
                .replace(104, 10, 5, 101).at(58.2).running(104);
        fiveAlive(b, 62, 62);
        assertQuiet(b.at(62.5).check());
    }

    /** The same third mark before 103 has health: both earlier marks still wait. */
    @Test
    void aThirdMarkBeforeTheSharedReplacementHasHealthFires() {
        HistoryBuilder b = replacementMarkedThenOriginal();
        b.at(55).drain(2, 3_600_000).at(56).mark(101, false);
        MonitorViolation v = assertFires(fiveAlive(b, 62, 62).at(62.5).check(),
                Invariant.PACING_WAITS_FOR_HEALTH);
        assertEquals(101, v.alloc());
    }

    /** After 103's health resolved both, a mark of 103 before 101's replacement has health. */
    @Test
    void aMarkAfterTheSharedReplacementsHealthStillWaitsForTheNext() {
        HistoryBuilder b = replacementMarkedThenOriginal();
        b.at(56.2).healthy(103);
        b.at(57).drain(2, 3_600_000).at(58).mark(101, false);
        b.at(58.01).plan(10, 1, 1, 1, 0).stop(101, "alloc is being migrated")
                .replace(104, 10, 5, 101).at(58.2).running(104);
        b.at(59).drain(4, 3_600_000).at(60).mark(103, false);
        MonitorViolation v = assertFires(fiveAlive(b, 62, 62).at(62.5).check(),
                Invariant.PACING_WAITS_FOR_HEALTH);
        assertEquals(103, v.alloc());
    }

    /**
     * Service job 10 (count 2, max_parallel 1): 100 on node 1, 101 on node 2. Node 1
     * disconnects at 37 s; 100 (unknown, with health) is rescheduled as 102 on node 3, which is
     * drained and marked before 102 has health (its replacement 103 runs on node 4); then a drain
     * of node 1 marks 100, whose plan places nothing.
     */
    private static HistoryBuilder replacementMarkedThenOriginal() {
        HistoryBuilder b = HistoryBuilder.nomad();
        b.node(1).node(2).node(3).node(4).node(5);
        b.at(1).job(10, JobType.SERVICE, 2, 1);
        b.at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1).place(101, 10, 2);
        b.at(1.2).running(100).running(101).at(11.2).healthy(100).healthy(101);
        b.at(11.5).add(new JobDisconnectConfigured(b.now(), 10, LOST_AFTER_MILLIS, true,
                "keep_original"));
        b.at(12).heartbeat(1, 15_000);
        fiveAlive(b, 12, 12);
        b.at(13).partition(1, true);
        fiveAlive(b, 22, 32);
        b.at(37).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        b.at(37.01).plan(10, 0, 0, 0, 0);
        unknown(b, 100);
        fiveAlive(b, 42, 42);
        b.at(42.01).plan(10, 1, 0, 0, 0).replace(102, 10, 3, 100, 1).at(42.3).running(102);
        b.at(45).drain(3, 3_600_000).at(46).mark(102, false);
        b.at(46.01).plan(10, 1, 1, 1, 0).stop(102, "alloc is being migrated")
                .replace(103, 10, 4, 102).at(46.2).running(103);
        b.at(46.5).add(new AllocClientChanged(b.now(), 102, ClientStatus.COMPLETE));
        b.at(47).drainCompleted(3, false).drain(1, 3_600_000).at(48).mark(100, false).at(48.01).plan(10, 0, 0, 0, 0);
        return fiveAlive(b, 52, 52);
    }

    /** Nodes 2 to 5 heartbeat (ttl 15 s) every 10 s from {@code fromSeconds}. */
    private static HistoryBuilder fiveAlive(HistoryBuilder b, int fromSeconds, int toSeconds) {
        for (int t = fromSeconds; t <= toSeconds; t += 10) {
            b.at(t).heartbeat(2, 15_000).heartbeat(3, 15_000).heartbeat(4, 15_000)
                    .heartbeat(5, 15_000);
        }
        return b;
    }

    /** Without unknown allocations counted twice, the second mark waits: INV-5 fires. */
    @Test
    void withoutDoubleCountingTheSecondMarkFires() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(20).drain(1, 3_600_000);
        b.at(21).mark(100, false).mark(101, false);
        assertFires(b.at(21.5).check(), Invariant.PACING_WAITS_FOR_HEALTH);
    }
}
