package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static io.schedsim.monitor.Reports.assertSkipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DetectorPolicy;
import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-8, INV-9 and N-17: when a drain may and must clear, by the monitor's own clock. */
class DrainGuardTest {
    /** {@link NomadFlows#placed} with node 1 drained with a 10 s deadline at t=20 s. */
    private static HistoryBuilder deadlineDrain() {
        return NomadFlows.placed().at(20).drain(1, 10_000);
    }

    /** The deadline path done right: everything marked, the drain cleared, at 30 s. */
    private static HistoryBuilder deadlineReached() {
        HistoryBuilder b = deadlineDrain().at(30);
        b.mark(100, false).mark(101, false).mark(200, false).drainCompleted(1, true);
        b.at(30.01).plan(10, 2, 2, 2, 0).stop(100, "alloc is being migrated")
                .stop(101, "alloc is being migrated").replace(102, 10, 2, 100)
                .replace(103, 10, 3, 101);
        b.plan(20, 0, 1, 1, 0).stop(200, "alloc not needed as node is tainted");
        b.at(30.5).complete(100).complete(101).complete(200).running(102).running(103);
        return b.at(40.5).healthy(102).healthy(103);
    }

    @Test
    void deadlinePathIsQuiet() {
        assertQuiet(deadlineReached().at(90).end().check());
    }

    @Test
    void completionWhileAnAllocationStillRunsFires() {
        // nomad#14348: the servers stopped 100 and 101, the clients still run them.
        HistoryBuilder b = NomadFlows.placed().at(20).drain(1, 3_600_000);
        b.at(21).mark(100, false).at(21.01).plan(10, 1, 1, 1, 0)
                .stop(100, "alloc is being migrated").replace(102, 10, 2, 100);
        b.at(21.5).drainCompleted(1, false);
        MonitorViolation v = assertFires(b.check(), Invariant.COMPLETION_CONDITION);
        assertEquals(1, v.node());
        assertEquals(100, v.alloc());
    }

    @Test
    void aDoneDrainThatLingersFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(2, 0);
        // Node 2 holds only a system allocation: done at once, so it must clear within 1 s.
        assertOnly(b.at(21.5).tick().check(), Invariant.COMPLETION_CONDITION);
        assertFires(NomadFlows.placed().at(20).drain(2, 0).at(21.5).end().check(),
                Invariant.DRAINS_COMPLETE);
        // Done when set, so it completes in the call's step (N-17, DoneAtSetGuardTest).
        assertQuiet(NomadFlows.placed().at(20).drain(2, 0).drainCompleted(2, false)
                .mark(201, false).at(20.01).plan(20, 0, 1, 1, 0)
                .stop(201, "alloc not needed as node is tainted").at(60).end().check());
    }

    @Test
    void deadlineReachedClaimedEarlyFires() {
        HistoryBuilder b = deadlineDrain().at(25);
        b.mark(100, false).mark(101, false).mark(200, false).drainCompleted(1, true);
        MonitorViolation v = assertFires(b.check(), Invariant.DEADLINE);
        assertEquals(1, v.node());
    }

    @Test
    void aDrainOutlivingItsDeadlineFires() {
        // Deadline 30 s + coalesce 5 s + batch 1 s: still set at 36.001 s is late.
        assertQuiet(deadlineDrain().at(36).check());
        assertFires(deadlineDrain().atNanos(36_000_000_001L).end().check(), Invariant.DEADLINE);
    }

    @Test
    void aDeadlineClearLeavingAnAllocationUnmarkedFires() {
        HistoryBuilder b = deadlineDrain().at(30);
        b.mark(100, false).mark(200, false).drainCompleted(1, true);
        MonitorViolation v = assertOnly(b.at(31).check(), Invariant.DEADLINE);
        assertEquals(101, v.alloc());
    }

    @Test
    void aNormalCompletionThatKeepsItsSystemAllocationFires() {
        HistoryBuilder b = NomadFlows.drained();
        // Rebuild the tail without the finishing mark of system allocation 200.
        HistoryBuilder broken = NomadFlows.placed().at(20).drain(1, 3_600_000);
        broken.at(21).mark(100, false).at(21.01).plan(10, 1, 1, 1, 0)
                .stop(100, "alloc is being migrated").replace(102, 10, 2, 100);
        broken.at(21.5).add(new AllocClientChanged(broken.now(), 100, ClientStatus.COMPLETE));
        broken.at(22).mark(101, false).at(22.01).plan(10, 1, 1, 1, 0)
                .stop(101, "alloc is being migrated").replace(103, 10, 3, 101);
        broken.at(22.5).add(new AllocClientChanged(broken.now(), 101, ClientStatus.COMPLETE));
        broken.at(23).drainCompleted(1, false);
        assertFires(broken.at(24).check(), Invariant.DRAIN_FINISHING_STEP);
        assertQuiet(b.at(60).check());
    }

    @Test
    void ignoreSystemCompletionKeepsSystemAllocationsQuietly() {
        HistoryBuilder b = NomadFlows.placed().at(20).drain(2, 3_600_000, false, true);
        // Done when set (only a system allocation, ignored): completes in that step (N-17).
        assertQuiet(b.drainCompleted(2, false).at(60).end().check());
    }

    @Test
    void aDeadlineClearIsJudgedByTheDrainItClearsNotByTheNextOne() {
        // chaos-swarm seed 34598 (PCT ordering): a force drain with ignore-system clears at once
        // leaving node 2's system allocation, as N-18 asks; a new drain without ignore-system is
        // set in the same instant. Its setting must not be read back into the cleared one. The
        // new drain has nothing to drain but the system allocation, so it completes at once and
        // marks it (N-17, since issue 12 item 4).
        HistoryBuilder b = NomadFlows.placed().at(20).drain(2, 0, true, true)
                .drainCompleted(2, true).drain(2, 60_000, false, false)
                .drainCompleted(2, false).mark(201, false);
        assertQuiet(b.at(20.5).tick().check());
        HistoryBuilder wrong = NomadFlows.placed().at(20).drain(2, 0, true, false)
                .drainCompleted(2, true);
        MonitorViolation v = assertOnly(wrong.at(20.5).tick().check(), Invariant.DEADLINE);
        assertEquals(201, v.alloc());
    }

    @Test
    void completingADrainThatIsNotSetFires() {
        assertOnly(NomadFlows.placed().at(20).drainCompleted(2, false).check(),
                Invariant.COMPLETION_CONDITION);
    }

    @Test
    void withoutDrainerSettingsTheWindowsAreSkippedAndSaidSo() {
        HistoryBuilder b = HistoryBuilder.bare(DetectorPolicy.NOMAD_TTL).node(1).node(2);
        b.at(1).job(10, JobType.BATCH, 1).plan(10, 1, 0, 0, 0).place(100, 10, 1);
        b.at(2).drain(1, 1_000).at(100).end();
        assertSkipped(b.check(), Invariant.DEADLINE, "no drainer-configured event");
    }
}
