package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.NodeRestarted;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.PlacementStrategy;
import io.schedsim.history.RayDrainReason;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** NODE_AFFINITY leases and TASK_UNSCHEDULABLE, against the monitor's view of the target. */
class AffinityGuardTest {
    /** Tasks 101..104 fill worker 2 (four 1-CPU leases on 4 CPU) from 1 s on. */
    private static HistoryBuilder target2Busy() {
        HistoryBuilder b = RayFlows.cluster().at(1);
        for (long task = 101; task <= 104; task++) {
            b.submit(task, -1, 3).pending(task, 0).lease(task, 0, 2);
        }
        return b;
    }

    /** The busy tasks on node 2 finish at {@code seconds}, freeing it. */
    private static HistoryBuilder freeTarget2(HistoryBuilder b, double seconds) {
        b.at(seconds);
        for (long task = 101; task <= 104; task++) {
            b.finishAttempt(task, 0, 2).resolve(task, ErrorType.NONE);
        }
        return b;
    }

    @Test
    void aHardAffinityLeasedOffItsTargetFires() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).affinity(1, 2, false)
                .pending(1, 0).lease(1, 0, 1);
        MonitorViolation v = assertOnly(b.check(), Invariant.NODE_AFFINITY);
        assertTrue(v.message().contains("not on its hard NODE_AFFINITY target node 2"),
                v.message());
        assertEquals(1, v.task());
        assertEquals(1, v.node());
    }

    /**
     * A busy target is usable (node_affinity_scheduling_policy.cc returns it whenever it is
     * alive and feasible): hard and soft requests queue there while node 1 is free, and are
     * leased there once it has room.
     */
    @Test
    void aBusyTargetKeepsHardAndSoftRequestsQueuedThere() {
        HistoryBuilder b = target2Busy().at(2).submit(1, -1, 3).affinity(1, 2, false)
                .pending(1, 0).submit(2, -1, 3).affinity(2, 2, true).pending(2, 0);
        freeTarget2(b, 5).lease(1, 0, 2).lease(2, 0, 2);
        b.at(6).finishAttempt(1, 0, 2).resolve(1, ErrorType.NONE).finishAttempt(2, 0, 2)
                .resolve(2, ErrorType.NONE);
        assertQuiet(b.at(7).end().check());
    }

    @Test
    void aSoftAffinityLeasedElsewhereWhileItsTargetIsBusyFires() {
        HistoryBuilder b = target2Busy().at(2).submit(1, -1, 3).affinity(1, 2, true)
                .pending(1, 0).at(3).lease(1, 0, 1);
        MonitorViolation v = assertOnly(b.at(4).tick().check(), Invariant.NODE_AFFINITY);
        assertTrue(v.message().contains("soft NODE_AFFINITY target node 2 was usable"),
                v.message());
        assertEquals(1, v.node());
    }

    @Test
    void aSoftAffinityFallsBackOnceItsTargetDrains() {
        HistoryBuilder b = target2Busy().at(2).submit(1, -1, 3).affinity(1, 2, true)
                .pending(1, 0).at(3).rayDrain(2, RayDrainReason.PREEMPTION, 0, true)
                .lease(1, 0, 1);
        assertQuiet(b.at(4).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE).check());
    }

    /**
     * The request may have fallen back while the target drained and waited elsewhere since: a
     * target unusable at any instant since the attempt was created excuses the lease, even if
     * the target is usable again when it is granted. One usable throughout since then does not,
     * whatever it was before the attempt.
     */
    @Test
    void aTargetUnusableSinceTheAttemptWasCreatedExcusesAFallback() {
        HistoryBuilder during = target2Busy().at(2).submit(1, -1, 3).affinity(1, 2, true)
                .pending(1, 0);
        // A drain of an empty-of-allocations node completes in its step (N-17).
        during.at(3).drain(2, 30_000).drainCompleted(2, false).at(4).lease(1, 0, 1);
        assertQuiet(during.at(5).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE).check());
        HistoryBuilder before = target2Busy().at(1.5).drain(2, 30_000).drainCompleted(2, false)
                .at(2).submit(1, -1, 3).affinity(1, 2, true).pending(1, 0).at(4)
                .lease(1, 0, 1);
        assertOnly(before.at(5).tick().check(), Invariant.NODE_AFFINITY);
    }

    @Test
    void aHardAffinityToADrainedTargetFailsUnschedulable() {
        // max_retries -1: a TASK_UNSCHEDULABLE result is still no INV-23 (never retried, R-14).
        HistoryBuilder b = RayFlows.cluster().at(1).rayDrain(2, RayDrainReason.PREEMPTION, 0,
                true).submit(1, -1, -1).affinity(1, 2, false).pending(1, 0).unschedulable(1, 0);
        assertQuiet(b.at(2).end().check());
    }

    @Test
    void aHardAffinityToARestartedTargetFailsUnschedulable() {
        // Node 2 comes back as node 3: its old id is never usable again.
        HistoryBuilder b = RayFlows.declareDead(RayFlows.bareCluster().at(1), 2).at(5);
        b.add(new NodeRestarted(b.now(), 2, 3)).register(3, 2).status(3, NodeStatus.READY);
        b.at(6).submit(1, -1, 3).affinity(1, 2, false).pending(1, 0).unschedulable(1, 0);
        assertQuiet(b.at(7).tick().check());
    }

    @Test
    void aHardAffinityToAnInfeasibleOrUnknownTargetFailsUnschedulable() {
        HistoryBuilder b = LeaseGuardTest.accelCluster().at(1).submit(1, -1, 3)
                .placement(1, 0, "accel", 1_000, PlacementStrategy.NODE_AFFINITY, 2, false)
                .pending(1, 0).unschedulable(1, 0).submit(2, -1, 3).affinity(2, 77, false)
                .pending(2, 0).unschedulable(2, 0);
        assertQuiet(b.at(2).tick().check());
    }

    @Test
    void failingUnschedulableWhileTheTargetIsUsableFires() {
        HistoryBuilder busy = target2Busy().at(2).submit(1, -1, 3).affinity(1, 2, false)
                .pending(1, 0).unschedulable(1, 0);
        MonitorViolation v = assertOnly(busy.at(3).tick().check(), Invariant.NODE_AFFINITY);
        assertTrue(v.message().contains("target node 2 was usable"), v.message());
        assertEquals(2, v.node());
    }

    /** A drain in the same instant, wherever it falls in the instant, excuses the failure. */
    @Test
    void aTargetDrainedInTheSameInstantExcusesTheFailureWhateverTheOrder() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).affinity(1, 2, false)
                .pending(1, 0).at(2).unschedulable(1, 0)
                .rayDrain(2, RayDrainReason.PREEMPTION, 0, true);
        assertQuiet(b.at(3).tick().check());
    }

    @Test
    void unschedulableWithoutAHardAffinityFires() {
        HistoryBuilder soft = RayFlows.cluster().at(1).rayDrain(2, RayDrainReason.PREEMPTION, 0,
                true).submit(1, -1, 3).affinity(1, 2, true).pending(1, 0).unschedulable(1, 0);
        MonitorViolation v = assertOnly(soft.at(2).tick().check(), Invariant.NODE_AFFINITY);
        assertTrue(v.message().contains("not a hard NODE_AFFINITY (strategy NODE_AFFINITY, "
                + "soft)"), v.message());
        HistoryBuilder plain = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0)
                .unschedulable(1, 0);
        assertOnly(plain.at(2).tick().check(), Invariant.NODE_AFFINITY);
    }

    @Test
    void anUnschedulableTaskIsResolvedSoInItsStepAndNeverRetried() {
        HistoryBuilder retried = RayFlows.cluster().at(1).rayDrain(2, RayDrainReason.PREEMPTION,
                0, true).submit(1, -1, 3).affinity(1, 2, false).pending(1, 0);
        retried.add(new TaskAttemptChanged(retried.now(), 1, 0, -1, AttemptState.FAILED,
                ErrorType.TASK_UNSCHEDULABLE));
        MonitorViolation v = assertOnly(retried.at(2).pending(1, 1).check(),
                Invariant.NODE_AFFINITY);
        assertTrue(v.message().contains("is unresolved at the end of the step"), v.message());
        assertEquals(2, retried.check().violations().size(), retried.check().toString());
        assertTrue(retried.check().violations().get(1).message().contains("never retried"));
    }
}
