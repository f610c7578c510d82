package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.JobUpdated;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-21: a plan's counts stay within what its job and the cluster allow. */
class PlanGuardTest {
    @Test
    void planBoundsFire() {
        assertMessage(NomadFlows.placed().at(20).plan(10, 3, 0, 0, 0), "3 placements, at most 2");
        assertMessage(NomadFlows.placed().at(20).plan(20, 4, 0, 0, 0), "(one per node)");
        assertMessage(NomadFlows.placed().at(20).plan(10, 0, 3, 0, 0), "3 stops of a job with 2");
        assertMessage(NomadFlows.placed().at(20).plan(10, 0, 0, 0, 3), "3 lost of a job with 2");
        assertMessage(NomadFlows.placed().at(20).plan(10, 0, 1, 2, 0), "2 migrations but only 1 stops");
        assertMessage(NomadFlows.placed().at(20).plan(10, 0, 1, 1, 0), "only 0 allocations marked");
        HistoryBuilder stopped = NomadFlows.placed().at(20);
        stopped.add(new JobUpdated(stopped.now(), 10, 1, true, 1, false));
        assertMessage(stopped.at(20.01).plan(10, 1, 0, 0, 0), "(job stopped)");
    }

    /**
     * A plan whose snapshot is of the stop's instant, or before it (a held plan, N-23), may
     * place: it could not see the stop (chaos-swarm seed 2419: a system job's node-update plan
     * made 8 ms before a job stop committed after it).
     */
    @Test
    void aPlanFromBeforeTheStopMayPlace() {
        HistoryBuilder stopped = NomadFlows.placed().at(20);
        stopped.add(new JobUpdated(stopped.now(), 10, 1, true, 1, false));
        assertQuiet(stopped.plan(10, 1, 0, 0, 0).place(102, 10, 2).check());
    }

    @Test
    void plansWithinBoundsAreQuiet() {
        assertQuiet(NomadFlows.drained().at(60).check());
    }

    private static void assertMessage(HistoryBuilder b, String fragment) {
        MonitorViolation v = assertOnly(b.check(), Invariant.RECONCILER_BOUNDS);
        assertTrue(v.message().contains(fragment), v.message());
    }
}
