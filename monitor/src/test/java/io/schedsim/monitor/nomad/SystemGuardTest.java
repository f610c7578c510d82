package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocUpdatedInPlace;
import io.schedsim.history.JobUpdated;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-16: one system allocation per node; stopped only by a drain, a job update or a loss. */
class SystemGuardTest {
    @Test
    void aSecondSystemAllocationOnANodeFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).plan(20, 1, 0, 0, 0).place(203, 20, 2);
        MonitorViolation v = assertOnly(b.check(), Invariant.SYSTEM_UNIQUENESS);
        assertEquals(2, v.node());
        assertEquals(203, v.alloc());
    }

    @Test
    void aSystemAllocationStoppedOnAnIneligibleNodeFires() {
        // SC-2b: ineligibility is not eviction; with an unchanged job nothing may stop it.
        HistoryBuilder b = NomadFlows.placed().at(20).setEligible(2, false).at(21)
                .plan(20, 0, 1, 0, 0).stop(201, "alloc not needed as node is not ready");
        assertOnly(b.at(22).check(), Invariant.SYSTEM_UNIQUENESS);
    }

    @Test
    void stopsAfterAJobUpdateOrALossAreQuiet() {
        HistoryBuilder b = NomadFlows.placed().at(20).setEligible(2, false);
        b.add(new JobUpdated(b.now(), 20, 1, false, 0, false));
        // N-36: an in-place change stops the ineligible node's allocation, updates the others.
        b.at(21).plan(20, 0, 1, 0, 0).stop(201, "alloc not needed due to job update");
        b.add(new AllocUpdatedInPlace(b.now(), 200, 1));
        b.add(new AllocUpdatedInPlace(b.now(), 202, 1));
        b.at(22).lost(202);
        assertQuiet(b.at(23).check());
        assertFires(NomadFlows.placed().at(22).stop(202, "oops").at(23).check(),
                Invariant.SYSTEM_UNIQUENESS);
    }
}
