package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-4, INV-5, INV-6 and INV-7: the drainer's marks, judged at each mark. */
class MarkGuardTest {
    @Test
    void markingBothAllocationsAtOnceFires() {
        // The per-node pacing shape (nomad#26175): count 2, max_parallel 1, both marked.
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000);
        MonitorViolation v = assertFires(b.at(21).mark(100, false).mark(101, false).check(),
                Invariant.JOB_WIDE_MAX_PARALLEL);
        assertEquals(101, v.alloc());
        assertEquals(10, v.job());
    }

    @Test
    void aSurplusLetsTheDrainerMarkPastMaxParallelAsNomadsFormulaDoes() {
        // A surplus allocation (104: the group runs 3 of count 2) keeps N-13's formula satisfied
        // for a second mark before 102 is healthy: healthy 101, 104 = 2 > count - max_parallel.
        // watch_jobs.go marks it, so the in-flight bound grows by the surplus (guided search,
        // chaos-swarm seed 374: a reconnected original beside its replacement).
        HistoryBuilder b = NomadFlows.placed().at(12).plan(10, 1, 0, 0, 0).place(104, 10, 2);
        b.at(12.2).running(104).at(22.2).healthy(104);
        b.at(25).drain(1, 3_600_000).at(26).mark(100, false);
        b.at(26.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 3, 100);
        b.at(27).mark(101, false);
        assertQuiet(b.check());
        // Without the surplus the second mark waits for 102's health.
        HistoryBuilder tight = NomadFlows.placed().at(25).drain(1, 3_600_000).at(26)
                .mark(100, false);
        tight.at(26.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 3, 100);
        tight.at(27).mark(101, false);
        assertFires(tight.check(), Invariant.PACING_WAITS_FOR_HEALTH);
        assertQuiet(NomadFlows.drained().at(60).check());
    }

    @Test
    void aMigrationReplacedLaterByAFreshPlacementResolvesWithItsHealth() {
        // The migration's own placement failed (no room): its stop commits alone, and the job's
        // blocked evaluation later places a fresh allocation, linked to nothing (N-13 counts
        // health job-wide). Once that one is healthy the next paced mark may follow.
        HistoryBuilder early = migrationReplacedLater().at(45).mark(101, false);
        assertFires(early.check(), Invariant.PACING_WAITS_FOR_HEALTH);
        HistoryBuilder b = migrationReplacedLater().at(50.2).healthy(102).at(51).mark(101, false);
        b.at(51.01).plan(10, 1, 1, 1, 0).stop(101, "alloc is being migrated")
                .replace(103, 10, 3, 101);
        assertQuiet(b.check());
    }

    @Test
    void markingAnUnhealthyReplacementContinuesItsChain() {
        // count 2, max_parallel 2: 100 is marked and replaced by 102 on a node drained next, so
        // 102 is marked before it is healthy, then its own replacement 103 likewise. One job
        // slot waits throughout (N-13: healthy = 101 alone, count - max_parallel = 0).
        HistoryBuilder b = NomadFlows.placedWith(2).at(20).drain(1, 3_600_000).at(21);
        b.mark(100, false).at(21.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 2, 100).at(21.2).running(102);
        b.at(22).drain(2, 3_600_000).at(23).mark(102, false);
        b.at(23.01).plan(10, 1, 1, 1, 0).stop(102, "alloc is being migrated")
                .replace(103, 10, 3, 102).at(23.2).running(103);
        b.at(24).drain(3, 3_600_000).at(25).mark(103, false);
        assertQuiet(b.check());
    }

    @Test
    void aReplacementLostUnreplacedIsSucceededByTheNextFreshPlacement() {
        // 100's replacement 102 is lost with node 2 before it is healthy and cannot be replaced
        // then; the job's next fresh placement 103 takes its place in the chain.
        HistoryBuilder b = NomadFlows.placed().at(12).heartbeat(2, 10_000);
        b.at(20).drain(1, 3_600_000).at(21).mark(100, false);
        b.at(21.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 2, 100).at(21.2).running(102);
        b.at(25).partition(2, true).at(32).down(2).at(32.01).plan(10, 0, 0, 0, 1).lost(102);
        b.at(40).plan(10, 1, 0, 0, 0).place(103, 10, 3).at(40.2).running(103);
        b.at(50.2).healthy(103).at(51).mark(101, false);
        assertQuiet(b.check());
    }

    private static HistoryBuilder migrationReplacedLater() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000).at(21).mark(100, false);
        b.at(21.01).plan(10, 0, 1, 1, 0).stop(100, "alloc is being migrated");
        return b.at(40).plan(10, 1, 0, 0, 0).place(102, 10, 2).at(40.2).running(102);
    }

    @Test
    void aBatchMarkBeforeTheDeadlineFires() {
        HistoryBuilder b = batchOnNode1().at(20).drain(1, 60_000).at(21);
        assertOnly(b.mark(300, true).check(), Invariant.BATCH_NOT_REPLACED);
    }

    @Test
    void aBatchDeadlineMarkWithoutDisablePlacementFires() {
        HistoryBuilder b = batchOnNode1().at(20).drain(1, 5_000).at(25);
        assertFires(b.mark(300, false).drainCompleted(1, true).check(),
                Invariant.BATCH_NOT_REPLACED);
    }

    @Test
    void aBatchDeadlineMarkIsQuiet() {
        HistoryBuilder b = batchOnNode1().at(20).drain(1, 5_000).at(25);
        b.mark(300, true).drainCompleted(1, true);
        b.at(25.01).plan(30, 0, 1, 1, 0).stop(300, "alloc is being migrated");
        assertQuiet(b.at(27).complete(300).at(90).end().check());
    }

    @Test
    void aSystemMarkWhileTheNodeStillRunsFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000).at(21);
        MonitorViolation v = assertOnly(b.mark(200, false).check(), Invariant.SYSTEM_LAST);
        assertEquals(200, v.alloc());
    }

    @Test
    void aSystemMarkUnderIgnoreSystemFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(2, 3_600_000, false, true);
        assertFires(b.at(21).mark(201, false).drainCompleted(2, false).check(),
                Invariant.SYSTEM_LAST);
    }

    @Test
    void aMarkWithoutADrainFires() {
        assertFires(NomadFlows.placed().at(20).mark(100, false).check(),
                Invariant.JOB_WIDE_MAX_PARALLEL);
        assertFires(NomadFlows.placed().at(20).mark(201, false).check(), Invariant.SYSTEM_LAST);
    }

    /** Batch job 30 (count 1) with allocation 300 running on node 1 of two. */
    static HistoryBuilder batchOnNode1() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(1).job(30, JobType.BATCH, 1);
        return b.plan(30, 1, 0, 0, 0).place(300, 30, 1).at(1.2).running(300);
    }
}
