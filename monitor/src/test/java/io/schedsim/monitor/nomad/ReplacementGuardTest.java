package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.JobUpdated;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-6, INV-10, INV-14 (system not placed elsewhere) and N-34 at replacing placements. */
class ReplacementGuardTest {
    @Test
    void aSecondReplacementFires() {
        HistoryBuilder b = NomadFlows.drained().at(50).plan(10, 1, 0, 0, 0)
                .replace(104, 10, 2, 100);
        MonitorViolation v = assertFires(b.check(), Invariant.ONE_REPLACEMENT);
        assertEquals(104, v.alloc());
    }

    @Test
    void aDrainedAllocationReplacedOnItsOwnNodeOrWithAttemptsFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000).at(21).mark(100, false);
        b.at(21.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 1, 100);
        assertFires(b.check(), Invariant.ONE_REPLACEMENT);
        HistoryBuilder c = NomadFlows.placed().at(20).drain(1, 3_600_000).at(21).mark(100, false);
        c.at(21.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 2, 100, 1);
        assertOnly(c.check(), Invariant.ONE_REPLACEMENT);
    }

    @Test
    void aMigrationMayReturnToItsNodeOnceTheDrainIsOverAndTheNodeReady() {
        // A force drain clears at once; the operator makes node 1 eligible again before the
        // migration of 100 is planned: node 1 is Ready and as good a target as any (§2.1).
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000).at(21).mark(100, false);
        b.at(22).forceDrain(1).mark(101, false).mark(200, false).drainCompleted(1, true);
        b.at(23).setEligible(1, true);
        b.at(24).plan(10, 2, 2, 2, 0).stop(100, "alloc is being migrated")
                .stop(101, "alloc is being migrated").replace(102, 10, 1, 100)
                .replace(103, 10, 2, 101);
        assertQuiet(b.check());
        HistoryBuilder draining = NomadFlows.placed().at(20).drain(1, 3_600_000).at(21);
        draining.mark(100, false).at(21.01).plan(10, 1, 1, 1, 0)
                .stop(100, "alloc is being migrated").replace(102, 10, 1, 100);
        assertFires(draining.check(), Invariant.ONE_REPLACEMENT);
    }

    @Test
    void aBatchAllocationStoppedAtTheDeadlineIsNeverReplaced() {
        HistoryBuilder b = deadlineStoppedBatch();
        assertQuiet(b.at(90).end().check());
        HistoryBuilder replaced = deadlineStoppedBatch().at(31).plan(30, 1, 0, 0, 0)
                .replace(301, 30, 2, 300);
        assertFires(replaced.check(), Invariant.BATCH_NOT_REPLACED);
    }

    @Test
    void aBatchPlacementPastTheCountAfterADrainFires() {
        // The batch-replaced-after-deadline shape (nomad#28008): a fresh placement, no link.
        HistoryBuilder b = deadlineStoppedBatch().at(31).plan(30, 1, 0, 0, 0).place(301, 30, 2);
        MonitorViolation v = assertOnly(b.at(32).check(), Invariant.BATCH_NOT_REPLACED);
        assertEquals(30, v.job());
    }

    @Test
    void aDestructiveUpdatePlannedBeforeTheDeadlineReplacesItWithTheNewVersion() {
        // N-36: the update's plan (snapshot before the mark, committed after it, N-23) stops
        // the old version and places the new one; it is no drain replacement (chaos-swarm seed
        // 2258: a stalled worker).
        HistoryBuilder b = deadlineStoppedBatch();
        b.at(31).add(new JobUpdated(b.now(), 30, 1, false, 1, true));
        b.at(32).plan(30, 1, 1, 0, 0).replace(301, 30, 2, 300);
        assertQuiet(b.at(33).check());
    }

    @Test
    void aLostBatchAllocationMayBeReplaced() {
        // SEMANTICS SC-7 leaves a lost drained batch allocation's replacement open: no verdict.
        HistoryBuilder b = deadlineStoppedBatch().at(31).lost(300).plan(30, 1, 0, 0, 1)
                .replace(301, 30, 2, 300);
        assertQuiet(b.at(32).check());
    }

    @Test
    void aLostSystemAllocationPlacedElsewhereFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).lost(201).plan(20, 1, 0, 0, 1)
                .replace(203, 20, 3, 201);
        assertFires(b.check(), Invariant.LOST_ALLOCS);
    }

    @Test
    void reschedulesFollowTheReschedulePolicy() {
        HistoryBuilder ok = failedService().at(50).plan(10, 1, 1, 0, 0)
                .stop(100, "alloc was rescheduled because it failed").replace(104, 10, 2, 100, 1);
        assertQuiet(ok.at(50.2).running(104).at(60.2).healthy(104).at(90).end().check());
        HistoryBuilder early = failedService().at(40).plan(10, 1, 1, 0, 0)
                .replace(104, 10, 2, 100, 1);
        assertOnly(early.check(), Invariant.RESCHEDULE);
        HistoryBuilder attempts = failedService().at(50).plan(10, 1, 1, 0, 0)
                .replace(104, 10, 2, 100, 3);
        assertOnly(attempts.check(), Invariant.RESCHEDULE);
    }

    @Test
    void aStalePlansLossReplacementOfAnAllocationThatFailedSinceIsNoReschedule() {
        // Node 1 went down at 32 s; a plan from the 32.1 s snapshot replaces 100 as lost. Before
        // it commits, 100's client reports it failed (the node came back): the stale plan's
        // replacement is a loss replacement, without the reschedule's extra attempt (N-23, N-33).
        HistoryBuilder stale = NomadFlows.placed().at(12).heartbeat(1, 10_000).at(30)
                .partition(1, true).at(32).down(1);
        stale.at(32.2).failed(100);
        stale.add(new PlanCommitted(stale.now(), 900, 10, 32_100_000_000L, 1, 0, 0, 2));
        stale.lost(101).replace(104, 10, 2, 100).replace(105, 10, 3, 101);
        assertQuiet(stale.check());
        HistoryBuilder fresh = NomadFlows.placed().at(12).heartbeat(1, 10_000).at(30)
                .partition(1, true).at(32).down(1);
        fresh.at(32.2).failed(100);
        fresh.add(new PlanCommitted(fresh.now(), 900, 10, fresh.now(), 1, 0, 0, 2));
        fresh.lost(101).replace(104, 10, 2, 100).replace(105, 10, 3, 101);
        assertOnly(fresh.check(), Invariant.RESCHEDULE);
    }

    @Test
    void aBatchRescheduleBeyondItsAttemptsFires() {
        HistoryBuilder b = MarkGuardTest.batchOnNode1().at(5).failed(300);
        b.at(11).plan(30, 1, 0, 0, 0).replace(301, 30, 2, 300, 1).at(11.2).running(301);
        b.at(12).failed(301).at(18).plan(30, 1, 0, 0, 0).replace(302, 30, 2, 301, 2);
        assertOnly(b.check(), Invariant.RESCHEDULE);
    }

    @Test
    void aMarkedAllocationThatFailedBeforeThePlanIsRescheduledNotMigrated() {
        // N-31 (filters.go: a terminal allocation is untainted before the migrate rule): 100,
        // marked at 21 s, fails at 22 s; its replacement is a reschedule, one attempt, after
        // the 30 s delay, and a migration's 0 attempts would be the wrong kind.
        HistoryBuilder ok = markedThenFailed().at(52.5).plan(10, 1, 1, 0, 0)
                .stop(100, "alloc was rescheduled because it failed").replace(104, 10, 2, 100, 1);
        assertQuiet(ok.at(52.7).running(104).at(62.7).healthy(104).check());
        HistoryBuilder migrated = markedThenFailed().at(52.5).plan(10, 1, 1, 1, 0)
                .stop(100, "alloc is being migrated").replace(104, 10, 2, 100, 0);
        assertOnly(migrated.check(), Invariant.RESCHEDULE);
    }

    @Test
    void anOriginalThatOutlivedItsStoppedReplacementMayBeReplacedAgain() {
        // N-30: 100 was replaced by 104 while away and kept on reconnect, 104 stopped; a later
        // migration of 100 sets its NextAllocation again. Had 100 failed instead, or 104 still
        // run, a second replacement is INV-10's.
        HistoryBuilder kept = outlived().at(40).drain(1, 3_600_000).at(41).mark(100, false);
        kept.at(41.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(105, 10, 3, 100);
        assertEquals(0, kept.check().violations().stream()
                .filter(v -> v.invariant() == Invariant.ONE_REPLACEMENT).count());
        HistoryBuilder failed = outlived().at(40).failed(100).at(70.5).plan(10, 1, 1, 0, 0)
                .stop(100, "alloc was rescheduled because it failed").replace(105, 10, 3, 100, 1);
        assertFires(failed.check(), Invariant.ONE_REPLACEMENT);
    }

    /** 100 replaced by 104 on node 2 at 25 s; at 30 s 104 is stopped and 100 kept. */
    private static HistoryBuilder outlived() {
        HistoryBuilder b = NomadFlows.placed().at(25).plan(10, 1, 0, 0, 0)
                .replace(104, 10, 2, 100).at(25.3).running(104);
        return b.at(30).plan(10, 0, 1, 0, 0)
                .stop(104, "alloc not needed due to disconnected client reconnect");
    }

    /** Service allocation 100, on node 1 draining since 20 s, marked at 21 s, failed at 22 s. */
    private static HistoryBuilder markedThenFailed() {
        return NomadFlows.placed().at(20).drain(1, 3_600_000).at(21).mark(100, false).at(22)
                .failed(100);
    }

    /** Service allocation 100 failed at 20 s; its reschedule is due 30 s later. */
    private static HistoryBuilder failedService() {
        return NomadFlows.placed().at(20).failed(100);
    }

    /** Batch 300 on node 1 stopped at its drain's 5 s deadline, still running at 30 s. */
    private static HistoryBuilder deadlineStoppedBatch() {
        HistoryBuilder b = MarkGuardTest.batchOnNode1().at(20).drain(1, 5_000).at(25);
        b.mark(300, true).drainCompleted(1, true);
        return b.at(25.01).plan(30, 0, 1, 1, 0).stop(300, "alloc is being migrated");
    }
}
