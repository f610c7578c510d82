package io.schedsim.monitor.live;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static io.schedsim.monitor.Reports.assertSkipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.ErrorType;
import io.schedsim.history.JobType;
import io.schedsim.history.PlacementStrategy;
import io.schedsim.history.RunStopReason;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorReport;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-23..INV-27 at the end of a settled run, each excuse exact and reported as a skip. */
class LivenessTest {
    private static HistoryBuilder rayCluster() {
        return HistoryBuilder.ray().node(0, 0, 8_192, true).node(1).node(2);
    }

    private static HistoryBuilder oneWorker() {
        return HistoryBuilder.ray().node(0, 0, 8_192, true).node(1);
    }

    @Test
    void anUnresolvedTaskWithRoomToRunFires() {
        HistoryBuilder b = rayCluster().at(1).submit(1, -1, 3).pending(1, 0).at(100).end();
        MonitorViolation v = assertOnly(b.check(), Invariant.TASKS_TERMINAL);
        assertEquals(1, v.task());
    }

    @Test
    void aTaskWaitingForCapacityIsExcusedByName() {
        // The one worker is full (four 1-CPU tasks still running at the end, which INV-23
        // flags): task 9 has nowhere to go and is excused by name.
        HistoryBuilder b = HistoryBuilder.ray().node(0, 0, 8_192, true).node(1).at(1);
        for (long task = 1; task <= 4; task++) {
            b.submit(task, -1, 3).pending(task, 0).lease(task, 0, 1);
        }
        b.submit(9, -1, 3).pending(9, 0).at(100).end();
        MonitorReport report = b.check();
        assertFires(report, Invariant.TASKS_TERMINAL);
        assertSkipped(report, Invariant.TASKS_TERMINAL, "task 9 waits");
        assertEquals(4, report.violations().size(), report.violations().toString());
    }

    @Test
    void aParentBlockedOnAChildWithNowhereToGoIsExcused() {
        // Task 1 runs on node 1, the one worker, blocked in get on its child 2 (its CPU
        // released); node 1 is Ray-drained, so the child has nowhere to go and the
        // parent waits for it: both are excused (SC-11's drain variant).
        HistoryBuilder b = oneWorker().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        b.at(2).releaseTask(1, 0).submit(2, 1, 3).pending(2, 0);
        b.rayDrain(1, io.schedsim.history.RayDrainReason.PREEMPTION, 0, true);
        MonitorReport report = b.at(100).end().check();
        assertQuiet(report);
        assertSkipped(report, Invariant.TASKS_TERMINAL, "task 1 waits for a child");
        assertSkipped(report, Invariant.TASKS_TERMINAL, "task 2 waits");
        // Without the drain the child could run on node 1: neither is excused.
        HistoryBuilder undrained = oneWorker().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1);
        undrained.at(2).releaseTask(1, 0).submit(2, 1, 3).pending(2, 0);
        assertEquals(2, undrained.at(100).end().check().violations().size());
        // A parent that still runs while its child is resolved waits for nothing: it fires.
        HistoryBuilder childDone = oneWorker().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1);
        childDone.at(2).releaseTask(1, 0).submit(2, 1, 3).pending(2, 0).lease(2, 0, 1);
        childDone.at(3).finishAttempt(2, 0, 1).resolve(2, ErrorType.NONE);
        childDone.rayDrain(1, io.schedsim.history.RayDrainReason.PREEMPTION, 0, true);
        MonitorViolation v = assertOnly(childDone.at(100).end().check(),
                Invariant.TASKS_TERMINAL);
        assertEquals(1, v.task());
    }

    /** no node has the custom resource, or the memory: the task waits, excused. */
    @Test
    void aTaskNoNodeCanFitByMemoryOrCustomResourceIsExcused() {
        HistoryBuilder b = rayCluster().at(1).submit(1, -1, 3)
                .placement(1, 0, "accel", 1_000, PlacementStrategy.DEFAULT, -1, false)
                .pending(1, 0).submit(2, -1, 3)
                .placement(2, 10_000, "", 0, PlacementStrategy.DEFAULT, -1, false).pending(2, 0);
        MonitorReport report = b.at(100).end().check();
        assertQuiet(report);
        assertSkipped(report, Invariant.TASKS_TERMINAL,
                "task 1 waits: no ALIVE, non-draining node has 1000 mCPU, 1000 milli accel free");
        assertSkipped(report, Invariant.TASKS_TERMINAL,
                "task 2 waits: no ALIVE, non-draining node has 1000 mCPU, 10000 MiB free");
        // A node with the resource, free, takes it: no excuse.
        HistoryBuilder room = rayCluster().resource(2, "accel", 1_000).at(1).submit(1, -1, 3)
                .placement(1, 0, "accel", 1_000, PlacementStrategy.DEFAULT, -1, false)
                .pending(1, 0);
        assertOnly(room.at(100).end().check(), Invariant.TASKS_TERMINAL);
    }

    /**
     * a usable target keeps its requests, hard and soft, however busy, so they are excused
     * while it is full even though node 1 is free; a soft one whose target drained falls back
     * to any node, and a hard one may not wait at all (it fails TASK_UNSCHEDULABLE).
     */
    @Test
    void affinityTasksWaitOnlyForAUsableTarget() {
        HistoryBuilder busy = rayCluster().at(1);
        for (long task = 101; task <= 104; task++) {
            busy.submit(task, -1, 3).pending(task, 0).lease(task, 0, 2);
        }
        busy.submit(1, -1, 3).affinity(1, 2, false).pending(1, 0).submit(2, -1, 3)
                .affinity(2, 2, true).pending(2, 0);
        MonitorReport report = busy.at(100).end().check();
        assertEquals(4, report.violations().size(), report.violations().toString());
        assertSkipped(report, Invariant.TASKS_TERMINAL,
                "task 1 waits: its NODE_AFFINITY target node 2 (usable) has not 1000 mCPU free");
        assertSkipped(report, Invariant.TASKS_TERMINAL, "task 2 waits: its NODE_AFFINITY");
        HistoryBuilder drained = rayCluster().at(1)
                .rayDrain(2, io.schedsim.history.RayDrainReason.PREEMPTION, 0, true)
                .submit(1, -1, 3).affinity(1, 2, false).pending(1, 0).submit(2, -1, 3)
                .affinity(2, 2, true).pending(2, 0);
        report = drained.at(100).end().check();
        assertEquals(2, report.violations().size(), report.violations().toString());
        MonitorViolation hard = assertFires(report, Invariant.TASKS_TERMINAL);
        assertEquals(1, hard.task());
        assertTrue(hard.message().contains("target node 2 is not usable"), hard.message());
        // With node 1 full too, the soft one has nowhere to fall back to: excused; the hard
        // one still is not.
        HistoryBuilder full = rayCluster().at(1)
                .rayDrain(2, io.schedsim.history.RayDrainReason.PREEMPTION, 0, true);
        for (long task = 101; task <= 104; task++) {
            full.submit(task, -1, 3).pending(task, 0).lease(task, 0, 1);
        }
        full.submit(1, -1, 3).affinity(1, 2, false).pending(1, 0).submit(2, -1, 3)
                .affinity(2, 2, true).pending(2, 0);
        report = full.at(100).end().check();
        assertSkipped(report, Invariant.TASKS_TERMINAL, "task 2 waits: no ALIVE");
        assertEquals(5, report.violations().size(), report.violations().toString());
    }

    @Test
    void anUnlimitedTaskEndingInErrorFires() {
        HistoryBuilder b = rayCluster().at(1).submit(1, -1, -1).pending(1, 0).lease(1, 0, 1);
        b.at(2).failAttempt(1, 0, 1, ErrorType.TASK_CANCELLED).resolve(1, ErrorType.TASK_CANCELLED);
        assertOnly(b.at(100).end().check(), Invariant.TASKS_TERMINAL);
    }

    /** ray.cancel ends even an unlimited task without a value, but only after a call. */
    @Test
    void anUnlimitedTaskCancelledByACallMayEndWithoutAValue() {
        HistoryBuilder b = rayCluster().at(1).submit(1, -1, -1).pending(1, 0).lease(1, 0, 1);
        b.at(2).cancel(1, false, true).failAttempt(1, 0, 1, ErrorType.TASK_CANCELLED)
                .resolve(1, ErrorType.TASK_CANCELLED);
        assertQuiet(b.at(100).end().check());
    }

    @Test
    void anUnlimitedChildWhoseOwnerDiedMayEndWithoutAValue() {
        // Task 1's attempt 0 dies with its worker; its child 2, running on node 2, is killed
        // (OWNER_DIED, R-5) and child 3, never leased, cancelled; the retry's child 4 finishes.
        HistoryBuilder b = rayCluster().at(1).submit(1, -1, -1).pending(1, 0).lease(1, 0, 1);
        b.at(2).releaseTask(1, 0).submit(2, 1, -1).pending(2, 0).lease(2, 0, 2);
        b.at(3).failAttempt(1, 0, 1, ErrorType.WORKER_DIED)
                .failAttempt(2, 0, 2, ErrorType.OWNER_DIED).resolve(2, ErrorType.OWNER_DIED);
        b.pending(1, 1).lease(1, 1, 1).at(4).releaseTask(1, 1).submit(3, 1, -1).pending(3, 0);
        b.at(5).failAttempt(1, 1, 1, ErrorType.WORKER_DIED);
        b.failAttempt(3, 0, -1, ErrorType.TASK_CANCELLED).resolve(3, ErrorType.TASK_CANCELLED);
        b.pending(1, 2).lease(1, 2, 1).at(6).releaseTask(1, 2).submit(4, 1, -1).pending(4, 0);
        b.lease(4, 0, 1).at(7).releaseTask(4, 0).finishAttempt(4, 0, 1).resolve(4, ErrorType.NONE);
        b.finishAttempt(1, 2, 1).resolve(1, ErrorType.NONE);
        assertQuiet(b.at(120).end().check());
        HistoryBuilder driverOwned = rayCluster().at(1).submit(1, -1, -1).pending(1, 0);
        driverOwned.at(2).failAttempt(1, 0, -1, ErrorType.OWNER_DIED)
                .resolve(1, ErrorType.OWNER_DIED);
        assertOnly(driverOwned.at(100).end().check(), Invariant.TASKS_TERMINAL);
    }

    @Test
    void capacityHeldLongAfterTheLastResultFires() {
        // Child 2 of task 1 is orphaned (its owner finished) and never releases its CPU.
        HistoryBuilder b = rayCluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        b.submit(2, 1, 3).pending(2, 0).lease(2, 0, 2);
        b.at(2).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE);
        MonitorReport late = b.at(62.001).end().check();
        assertFires(late, Invariant.CAPACITY_FREE);
        HistoryBuilder soon = rayCluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        soon.submit(2, 1, 3).pending(2, 0).lease(2, 0, 2);
        soon.at(2).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE);
        assertSkipped(soon.at(61).end().check(), Invariant.CAPACITY_FREE, "within 60 s");
    }

    @Test
    void aDeadNodeNotYetDeclaredDownIsNotJudgedForCapacity() {
        // As above, but node 2's host dies before the owner's result and no verdict follows
        // within the run (a leader failover's timer, a disconnected node): nobody can release
        // the orphan's CPU there, so INV-26 waits for the verdict. Node 2 still up fires.
        HistoryBuilder dead = rayCluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        dead.submit(2, 1, 3).pending(2, 0).lease(2, 0, 2);
        dead.at(1.5).terminate(2, false);
        dead.at(2).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE);
        assertNoCapacityVerdict(dead.at(200).end().check());
        HistoryBuilder agentDead = rayCluster().at(1).submit(1, -1, 3).pending(1, 0)
                .lease(1, 0, 1);
        agentDead.submit(2, 1, 3).pending(2, 0).lease(2, 0, 2);
        agentDead.at(1.5).killAgent(2);
        agentDead.at(2).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE);
        assertNoCapacityVerdict(agentDead.at(200).end().check());
    }

    private static void assertNoCapacityVerdict(MonitorReport report) {
        for (MonitorViolation v : report.violations()) {
            assertNotEquals(Invariant.CAPACITY_FREE, v.invariant(), v::toString);
        }
    }

    @Test
    void aServiceJobShortOfItsCountFiresUnlessNoReadyNodeFits() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).at(1).job(10, JobType.SERVICE, 2);
        b.plan(10, 2, 0, 0, 0).place(100, 10, 1).at(1.2).running(100).at(60).end();
        assertOnly(b.check(), Invariant.SERVICE_COUNTS_RESTORED);
        HistoryBuilder full = HistoryBuilder.nomad().node(1).at(1).job(10, JobType.SERVICE, 2);
        full.plan(10, 2, 0, 0, 0).place(100, 10, 1).at(1.2).running(100).at(2)
                .setEligible(1, false).at(60).end();
        MonitorReport report = full.check();
        assertQuiet(report);
        assertSkipped(report, Invariant.SERVICE_COUNTS_RESTORED, "no Ready node has");
    }

    @Test
    void drainsThatNeverCompleteFire() {
        HistoryBuilder empty = HistoryBuilder.nomad().node(1).node(2).at(1).drain(1, 0);
        assertFires(empty.at(60).end().check(), Invariant.DRAINS_COMPLETE);
        HistoryBuilder late = HistoryBuilder.nomad().node(1).node(2).at(1).drain(1, 10_000);
        MonitorReport report = late.at(60).end().check();
        assertFires(report, Invariant.DRAINS_COMPLETE);
        assertFires(report, Invariant.DEADLINE);
    }

    @Test
    void aReadyNodeWithoutItsSystemAllocationFires() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(1).job(20, JobType.SYSTEM, 0);
        b.plan(20, 1, 0, 0, 0).place(200, 20, 1).at(60).end();
        MonitorViolation v = assertOnly(b.check(), Invariant.SYSTEM_COVERAGE);
        assertEquals(2, v.node());
        HistoryBuilder both = HistoryBuilder.nomad().node(1).node(2).at(1)
                .job(20, JobType.SYSTEM, 0).plan(20, 2, 0, 0, 0).place(200, 20, 1)
                .place(201, 20, 2).at(60).end();
        assertQuiet(both.check());
    }

    @Test
    void aFullNodeIsExcusedFromSystemCoverageByName() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2, 400, 8_192, false).at(1)
                .job(20, JobType.SYSTEM, 0).plan(20, 1, 0, 0, 0).place(200, 20, 1).at(60).end();
        MonitorReport report = b.check();
        assertQuiet(report);
        assertSkipped(report, Invariant.SYSTEM_COVERAGE, "Ready node 2 has no room");
    }

    @Test
    void livenessIsSkippedForHistoriesCutShortAndSaysWhy() {
        HistoryBuilder open = rayCluster().at(1).submit(1, -1, 3).pending(1, 0).at(100).tick();
        MonitorReport report = open.check();
        assertQuiet(report);
        assertSkipped(report, Invariant.TASKS_TERMINAL, "without run-ended");
        HistoryBuilder stopped = rayCluster().at(1).submit(1, -1, 3).pending(1, 0).at(100)
                .end(RunStopReason.STOPPED);
        assertSkipped(stopped.check(), Invariant.SERVICE_COUNTS_RESTORED, "STOPPED");
    }
}
