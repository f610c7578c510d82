package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.ErrorType;
import io.schedsim.history.JobType;
import io.schedsim.history.PlacementStrategy;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-17 on the monitor's own ledger of reservations. */
class LedgerGuardTest {
    /** Service job 10 (count 1) with allocation 100 on node 1. */
    private static HistoryBuilder oneAlloc() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).at(1).job(10, JobType.SERVICE, 1);
        return b.plan(10, 1, 0, 0, 0).place(100, 10, 1).at(1.2).running(100);
    }

    @Test
    void reservationsBeyondCapacityFire() {
        HistoryBuilder b = RayFlows.cluster().at(1);
        for (long task = 1; task <= 5; task++) {
            b.submit(task, -1, 3).pending(task, 0).lease(task, 0, 1);
        }
        MonitorViolation v = assertOnly(b.check(), Invariant.RESOURCE_ACCOUNTING);
        assertTrue(v.message().contains("5000 of 4000 mCPU"), v.message());
        assertEquals(5, v.task());
    }

    /**
     * A task's custom resource is held from its lease while its reservation lives: two
     * leases of 1 accel each on a node with 1 go over, whatever the CPU says.
     */
    @Test
    void customResourcesBeyondCapacityFire() {
        HistoryBuilder b = oneAccel().at(1);
        for (long task = 1; task <= 2; task++) {
            b.submit(task, -1, 3)
                    .placement(task, 0, "accel", 1_000, PlacementStrategy.DEFAULT, -1, false)
                    .pending(task, 0).lease(task, 0, 1);
        }
        MonitorViolation v = assertOnly(b.check(), Invariant.RESOURCE_ACCOUNTING);
        assertTrue(v.message().contains("takes node 1 to 2000 of 1000 milli accel"),
                v.message());
        assertEquals(2, v.task());
    }

    /** Released with the reservation: the next lease finds the resource free again. */
    @Test
    void aCustomResourceIsFreedWithItsReservation() {
        HistoryBuilder b = oneAccel().at(1).submit(1, -1, 3)
                .placement(1, 0, "accel", 1_000, PlacementStrategy.DEFAULT, -1, false)
                .pending(1, 0).lease(1, 0, 1);
        b.at(2).finishAttempt(1, 0, 1).resolve(1, ErrorType.NONE).submit(2, -1, 3)
                .placement(2, 0, "accel", 1_000, PlacementStrategy.DEFAULT, -1, false)
                .pending(2, 0).lease(2, 0, 1);
        b.at(3).finishAttempt(2, 0, 1).resolve(2, ErrorType.NONE);
        assertQuiet(b.check());
    }

    /** The attempts' memory counts against the node's, as allocations' does. */
    @Test
    void taskMemoryBeyondCapacityFires() {
        HistoryBuilder b = RayFlows.cluster().at(1);
        for (long task = 1; task <= 2; task++) {
            b.submit(task, -1, 3)
                    .placement(task, 5_000, "", 0, PlacementStrategy.DEFAULT, -1, false)
                    .pending(task, 0).lease(task, 0, 1);
        }
        MonitorViolation v = assertOnly(b.check(), Invariant.RESOURCE_ACCOUNTING);
        assertTrue(v.message().contains("10000 of 8192 MiB"), v.message());
    }

    /** Head 0, worker 1 with 1 accel, worker 2 with none. */
    private static HistoryBuilder oneAccel() {
        return HistoryBuilder.ray().node(0, 0, 8_192, true).node(1).resource(1, "accel", 1_000)
                .node(2);
    }

    @Test
    void aHolderReservesOnceAndReleasesWhatItHolds() {
        HistoryBuilder twice = oneAlloc();
        twice.add(new ResourcesReserved(twice.now(), 1, 500, 256, 100, -1, -1));
        assertOnly(twice.check(), Invariant.RESOURCE_ACCOUNTING);
        HistoryBuilder stranger = oneAlloc();
        stranger.add(new ResourcesReleased(stranger.now(), 2, 500, 256, 100, -1, -1));
        assertOnly(stranger.check(), Invariant.RESOURCE_ACCOUNTING);
    }

    @Test
    void aPlacementWithoutItsReservationFires() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).at(1).job(10, JobType.SERVICE, 1);
        b.plan(10, 1, 0, 0, 0).add(new AllocPlaced(b.now(), 100, 10, 1, -1, 0));
        MonitorViolation v = assertOnly(b.at(2).tick().check(),
                Invariant.RESOURCE_ACCOUNTING);
        assertEquals(100, v.alloc());
    }

    @Test
    void aLostAllocationThatKeepsItsReservationFires() {
        // The leak-on-node-death shape: lost, never released.
        HistoryBuilder b = oneAlloc().at(20);
        b.add(new AllocDesiredChanged(b.now(), 100, DesiredStatus.STOP, "alloc is lost"));
        b.add(new AllocClientChanged(b.now(), 100, ClientStatus.LOST));
        MonitorViolation v = assertOnly(b.at(21).tick().check(),
                Invariant.RESOURCE_ACCOUNTING);
        assertEquals(100, v.alloc());
        assertQuiet(oneAlloc().at(20).lost(100).at(21).tick().check());
    }

    @Test
    void anAttemptThatEndsHoldingItsLeaseFires() {
        HistoryBuilder b = RayFlows.cluster().at(1).submit(1, -1, 3).pending(1, 0).lease(1, 0, 1);
        b.at(2).add(new TaskAttemptChanged(b.now(), 1, 0, 1, AttemptState.FINISHED,
                ErrorType.NONE)).resolve(1, ErrorType.NONE);
        assertOnly(b.at(3).tick().check(), Invariant.RESOURCE_ACCOUNTING);
    }
}
