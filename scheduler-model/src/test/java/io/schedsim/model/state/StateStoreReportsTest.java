package io.schedsim.model.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.check.CheckFailure;
import io.schedsim.core.event.Simulation;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state store reports every change it commits, after the change and in a fixed order (the
 * cluster's fan-out, and so every trace, depends on it), and refuses writes that would go around
 * its checks. A recording listener stands in for the cluster.
 */
class StateStoreReportsTest {
    private final Simulation sim = new Simulation(1);
    private final InvariantMonitor monitor = new InvariantMonitor(sim, false);
    private final Recorder reports = new Recorder();
    private final NodeLifecycle lifecycle = NodeLifecycle.create(sim, monitor, reports);
    private final StateStore state = lifecycle.state();
    private final Node node = lifecycle.addNode(4_000, 1_000, false, -1);

    @Test
    void aPlacementReservesThenTellsTheClient() {
        lifecycle.markReady(node);
        Job web = state.registerJob(JobSpec.service("web", 1, 1_000, 64));
        reports.clear();
        Alloc alloc = state.placeAlloc(web, node, Alloc.NONE, 0);
        assertEquals(List.of("reserved 0", "placed " + alloc.id()), reports.calls);
        assertEquals(1_000, node.cpuUsedMilli());
        assertTrue(alloc.reserved());
        assertEquals(List.of(), monitor.violations());
    }

    @Test
    void aStopReleasesFreesAndThenTellsTheClient() {
        lifecycle.markReady(node);
        Job web = state.registerJob(JobSpec.service("web", 1, 1_000, 64));
        Alloc alloc = state.placeAlloc(web, node, Alloc.NONE, 0);
        reports.clear();
        state.stopAlloc(alloc, "alloc not needed due to count");
        assertEquals(List.of("released 0", "freed 0", "stopped " + alloc.id()), reports.calls);
        assertEquals(0, node.cpuUsedMilli());
        reports.clear();
        state.stopAlloc(alloc, "again");
        assertEquals(List.of(), reports.calls, "a second stop changes and reports nothing");
    }

    @Test
    void aDrainRecordsItsEventTurnsTheNodeIneligibleThenReports() {
        lifecycle.markReady(node);
        state.updateDrain(node, DrainSpec.deadline(60_000, false));
        assertEquals(List.of("event DRAIN_SET", "event INELIGIBLE", "drain set 0"),
                reports.calls);
        assertTrue(node.draining());
        reports.clear();
        state.cancelDrain(node, true);
        assertEquals(List.of("event DRAIN_CANCELED", "drain cancelled 0", "event ELIGIBLE",
                "eligible 0"), reports.calls);
        assertEquals(List.of(), monitor.violations());
    }

    @Test
    void aPlacementOnANodeThatIsNotReadyIsCaughtAtTheWrite() {
        Job web = state.registerJob(JobSpec.service("web", 1, 1_000, 64));
        assertEquals(NodeStatus.INITIALIZING, node.status());
        state.placeAlloc(web, node, Alloc.NONE, 0);
        assertEquals(Inv.PLACEMENT_GATE, monitor.violations().get(0).invariant());
    }

    /**
     * INV-14 in N-31's order binds only a plan that could see the migrate mark: a plan whose
     * snapshot is not strictly after the mark is committed as it is (N-23), so it may lose the
     * allocation (chaos-swarm seed 8228, random ordering); a later snapshot may not.
     */
    @Test
    void onlyAPlanMadeAfterTheMigrateMarkMustMigrateIt() {
        lifecycle.markReady(node);
        Job web = state.registerJob(JobSpec.service("web", 2, 1_000, 64));
        Alloc stale = state.placeAlloc(web, node, Alloc.NONE, 0);
        Alloc fresh = state.placeAlloc(web, node, Alloc.NONE, 0);
        state.onClientUpdate(stale, ClientStatus.RUNNING, Health.UNSET);
        state.onClientUpdate(fresh, ClientStatus.RUNNING, Health.UNSET);
        lifecycle.markDown(node, sim.nowNanos(), "test");
        state.markForMigration(stale, false, false);
        state.markForMigration(fresh, false, false);
        int before = monitor.violations().size();
        state.markLost(stale, sim.nowNanos());
        assertEquals(before, monitor.violations().size(), monitor.violations()::toString);
        state.markLost(fresh, sim.nowNanos() + 1);
        assertEquals(before + 1, monitor.violations().size(), monitor.violations()::toString);
        assertEquals(Inv.LOST_ALLOCS, monitor.violations().get(before).invariant());
    }

    @Test
    void aStopIsSentOnlyForAnAllocationTheServersStopped() {
        lifecycle.markReady(node);
        Job web = state.registerJob(JobSpec.service("web", 1, 1_000, 64));
        Alloc alloc = state.placeAlloc(web, node, Alloc.NONE, 0);
        assertThrows(CheckFailure.class, () -> state.sendStop(alloc));
        state.onClientUpdate(alloc, ClientStatus.RUNNING, Health.UNSET);
        state.markLost(alloc);
        reports.clear();
        state.sendStop(alloc);
        assertEquals(List.of("stopped " + alloc.id()), reports.calls);
    }

    @Test
    void aFreshBatchPlacementPastTheCountAfterADrainDeadlineIsCaught() {
        // nomad#28008: a drain deadline stopped A (counted, never replaced, nomad#28018); a
        // fresh placement, linked to nothing, still takes the job past its count (INV-6).
        Node other = lifecycle.addNode(4_000, 1_000, false, -1);
        lifecycle.markReady(node);
        lifecycle.markReady(other);
        Job batch = state.registerJob(JobSpec.batch("b", 1, 1_000, 64, 600_000));
        Alloc a = state.placeAlloc(batch, node, Alloc.NONE, 0);
        state.onClientUpdate(a, ClientStatus.RUNNING, Health.UNSET);
        state.updateDrain(node, DrainSpec.force(false));
        state.markForMigration(a, true, true);
        state.stopAlloc(a, "alloc is being migrated");
        assertEquals(List.of(), monitor.violations());
        state.placeAlloc(batch, other, Alloc.NONE, 0);
        assertEquals(Inv.BATCH_NOT_REPLACED, monitor.violations().get(0).invariant());
    }

    @Test
    void aLostAllocationWhoseStopIsSentStillHoldingItsReservationIsKeptForTheAudit() {
        lifecycle.markReady(node);
        Job web = state.registerJob(JobSpec.service("web", 2, 1_000, 64));
        Alloc released = state.placeAlloc(web, node, Alloc.NONE, 0);
        Alloc leaked = state.placeAlloc(web, node, Alloc.NONE, 0);
        lifecycle.markDown(node, sim.nowNanos(), "Node heartbeat missed");
        state.markLost(released);
        state.releaseResources(released);
        state.sendStop(released);
        assertEquals(List.of(), state.reservationsHeldAtStop());
        state.markLost(leaked);
        state.sendStop(leaked);
        assertEquals(1, state.reservationsHeldAtStop().size());
        assertTrue(state.reservationsHeldAtStop().get(0).startsWith(leaked.toString()));
    }

    /** Records each report as a short line, in order. */
    private static final class Recorder implements StateListener {
        final List<String> calls = new ArrayList<>();

        void clear() {
            calls.clear();
        }

        @Override
        public void onJobRegistered(Job job) {
            calls.add("job " + job.id());
        }

        @Override
        public void onReserved(Node node) {
            calls.add("reserved " + node.slot());
        }

        @Override
        public void onReleased(Node node) {
            calls.add("released " + node.slot());
        }

        @Override
        public void onAllocResourcesFreed(Node node) {
            calls.add("freed " + node.slot());
        }

        @Override
        public void onAllocPlaced(Alloc alloc) {
            calls.add("placed " + alloc.id());
        }

        @Override
        public void onAllocStopped(Alloc alloc) {
            calls.add("stopped " + alloc.id());
        }

        @Override
        public void onAllocChanged(Alloc alloc) {
            calls.add("changed " + alloc.id());
        }

        @Override
        public void onNodeBecameEligible(Node node) {
            calls.add("eligible " + node.slot());
        }

        @Override
        public void onDrainSet(Node node) {
            calls.add("drain set " + node.slot());
        }

        @Override
        public void onDrainCancelled(Node node) {
            calls.add("drain cancelled " + node.slot());
        }

        @Override
        public void onDrainCompleted(Node node, long drainNanos) {
            calls.add("drain completed " + node.slot());
        }

        @Override
        public void onNodeEvent(Node node, NodeEvent.Kind kind, String detail) {
            calls.add("event " + kind);
        }
    }
}
