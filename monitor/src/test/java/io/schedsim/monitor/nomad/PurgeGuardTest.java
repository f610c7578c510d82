package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.JobType;
import io.schedsim.history.NodeStatus;
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

    /** N-20: the servers hold no purged node, so a drain call for it is "node not found". */
    @Test
    void drainCallsForAPurgedNodeAreRejected() {
        HistoryBuilder b = purgedWhileDraining().at(26);
        b.add(new DrainSetCall(b.now(), 1, 60_000, false, false, false, "node not found"))
                .add(new DrainCancelCall(b.now(), 1, true, false, "node not found"));
        assertQuiet(b.at(26.01).check());
        HistoryBuilder accepted = purgedWhileDraining().at(26);
        accepted.add(new DrainCancelCall(accepted.now(), 1, false, true, "ok"));
        MonitorViolation v = assertFires(accepted.at(26.01).check(), Invariant.LOST_ALLOCS);
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

    /**
     * Service job 10 (count 1, lost_after 60 s, replace=false) runs 100 on node 2, which is cut
     * off at 13 s and disconnects at 37 s (100 unknown). Purged at 40 s: filters.go loses a GC'd
     * node's allocations before the replace=false rule, so 100 is lost at once, long before
     * lost_after, and replaced (DisconnectGuard lets it; PurgeGuard asks for it).
     */
    private static HistoryBuilder purgedWhileDisconnected() {
        HistoryBuilder b = HistoryBuilder.nomad();
        b.node(1).node(2).node(3);
        b.at(1).job(10, JobType.SERVICE, 1)
                .add(new JobDisconnectConfigured(b.now(), 10, 60_000, false, "keep_original"));
        b.at(1.01).plan(10, 1, 0, 0, 0).place(100, 10, 2);
        b.at(1.2).running(100);
        b.at(11.2).healthy(100);
        b.at(12).heartbeat(1, 15_000).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(13).partition(2, true);
        b.at(22).heartbeat(1, 15_000).heartbeat(3, 15_000);
        b.at(32).heartbeat(1, 15_000).heartbeat(3, 15_000);
        b.at(37).status(2, NodeStatus.DISCONNECTED).nodeEvals(2);
        b.at(37.01).plan(10, 0, 0, 0, 0)
                .add(new AllocClientChanged(b.now(), 100, ClientStatus.UNKNOWN));
        return b.at(40).purge(2);
    }

    @Test
    void anUnknownAllocationOfAPurgedNodeIsLostAtOnce() {
        HistoryBuilder b = purgedWhileDisconnected();
        b.at(40.01).add(new PlanCommitted(b.now(), 77, 10, b.now(), 1, 0, 0, 1)).lost(100)
                .replace(101, 10, 1, 100);
        b.at(40.3).running(101);
        b.at(42).heartbeat(1, 15_000).heartbeat(3, 15_000);
        assertQuiet(b.at(45).check());
    }

    @Test
    void anUnknownAllocationLeftOnAPurgedNodeFires() {
        HistoryBuilder b = purgedWhileDisconnected();
        b.at(40.01).add(new PlanCommitted(b.now(), 77, 10, b.now(), 0, 0, 0, 0));
        b.at(42).heartbeat(1, 15_000).heartbeat(3, 15_000);
        MonitorViolation v = assertFires(b.at(45).check(), Invariant.LOST_ALLOCS);
        assertEquals(100, v.alloc());
    }
}
