package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * INV-14 for a purged node (N-20, N-31): the first plan made after the purge loses its
 * allocations, unless the node registered again first; its dropped drain neither completes nor
 * marks anything.
 */
class PurgeGuardTest {
    /** {@link NomadFlows#placed}; node 1 (100, 101 of service job 10; 200 of system job 20) is
     * drained with a 1 h deadline at 20 s and purged at 25 s. */
    private static HistoryBuilder purgedWhileDraining() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(20).drain(1, 3_600_000);
        return b.at(25).purge(1);
    }

    @Test
    void aPlanThatLeavesAnAllocationOnAPurgedNodeFires() {
        HistoryBuilder b = purgedWhileDraining().at(25.01);
        b.add(new PlanCommitted(b.now(), 77, 10, b.now(), 1, 0, 0, 1)).lost(100)
                .replace(102, 10, 2, 100);
        MonitorViolation v = assertFires(b.at(25.02).check(), Invariant.LOST_ALLOCS);
        assertEquals(101, v.alloc());
        assertEquals(1, v.node());
    }

    @Test
    void aDroppedDrainThatCompletesFires() {
        HistoryBuilder b = purgedWhileDraining().at(26).drainCompleted(1, false);
        MonitorViolation v = assertFires(b.at(26.01).check(), Invariant.LOST_ALLOCS);
        assertEquals(1, v.node());
    }

    @Test
    void aMarkForADroppedDrainFires() {
        HistoryBuilder b = purgedWhileDraining().at(26).mark(100, false);
        MonitorViolation v = assertFires(b.at(26.01).check(), Invariant.LOST_ALLOCS);
        assertEquals(100, v.alloc());
    }

    @Test
    void lostAllocationsAStalePlanAndARegistrationAgainAreQuiet() {
        HistoryBuilder b = purgedWhileDraining();
        // Made from a snapshot before the purge, or at its very instant: it cannot know.
        b.at(25.005).add(new PlanCommitted(b.now(), 76, 10, 24_990_000_000L, 0, 0, 0, 0));
        b.add(new PlanCommitted(b.now(), 75, 10, 25_000_000_000L, 0, 0, 0, 0));
        b.at(25.01).add(new PlanCommitted(b.now(), 77, 10, b.now(), 2, 0, 0, 2)).lost(100)
                .lost(101).replace(102, 10, 2, 100).replace(103, 10, 3, 101);
        b.add(new PlanCommitted(b.now(), 78, 20, b.now(), 0, 0, 0, 1)).lost(200);
        b.at(25.3).running(102).running(103);
        // The client heartbeats again: a fresh node, eligible and undrained.
        b.at(30).registerAgain(1);
        b.at(30.01).plan(20, 1, 0, 0, 0).place(204, 20, 1);
        b.at(30.2).running(204);
        assertQuiet(b.at(31).check());
    }

    @Test
    void aNodeRegisteredAgainBeforeTheSnapshotKeepsItsAllocations() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(25).purge(1);
        b.at(25.5).registerAgain(1);
        // Its evaluations were all planned after the registration: nothing is lost.
        b.at(25.6).add(new PlanCommitted(b.now(), 77, 10, b.now(), 0, 0, 0, 0));
        b.add(new PlanCommitted(b.now(), 78, 20, b.now(), 0, 0, 0, 0));
        assertQuiet(b.at(26).check());
    }
}
