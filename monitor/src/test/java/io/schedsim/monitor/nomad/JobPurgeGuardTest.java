package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.EvalCreated;
import io.schedsim.history.JobPurged;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * N-36's purge clause: service job 10 (allocations 100, 101 on node 1) is purged at t=20 s
 * ({@code job stop -purge}); its deregister evaluation 900 follows (Nomad's
 * TestJobEndpoint_Deregister with Purge: the job is gone and the eval is job-deregister; the
 * scheduler then stops everything, TestServiceSched_JobDeregister_Purged).
 */
class JobPurgeGuardTest {
    private static final int EVAL = 900;

    private static HistoryBuilder purged() {
        HistoryBuilder b = NomadFlows.placed().at(20);
        b.add(new JobPurged(b.now(), 10))
                .add(new EvalCreated(b.now(), EVAL, 10, "job-deregister", -1));
        return b.at(20.01);
    }

    private static HistoryBuilder deregisterPlan(HistoryBuilder b, int placements, int stops) {
        return b.add(new PlanCommitted(b.now(), EVAL, 10, b.now(), placements, stops, 0, 0));
    }

    @Test
    void aDeregisterPlanStoppingEverythingIsQuiet() {
        HistoryBuilder b = deregisterPlan(purged(), 0, 2);
        b.stop(100, "alloc not needed due to job update")
                .stop(101, "alloc not needed due to job update");
        b.at(20.5).complete(100).complete(101);
        assertQuiet(b.at(40).end().check());
    }

    @Test
    void anAllocationLeftRunningFires() {
        HistoryBuilder b = deregisterPlan(purged(), 0, 1);
        b.stop(100, "alloc not needed due to job update");
        MonitorViolation v = assertOnly(b.at(40).check(), Invariant.JOB_UPDATES);
        assertEquals(101, v.alloc());
        assertEquals(10, v.job());
        assertTrue(v.message().contains("left allocation 101 non-terminal"), v.message());
    }

    @Test
    void aPlacementAfterThePurgeFires() {
        HistoryBuilder b = deregisterPlan(purged(), 1, 2);
        b.stop(100, "alloc not needed due to job update")
                .stop(101, "alloc not needed due to job update")
                .replace(102, 10, 2, 100);
        // PlanGuard's bound (INV-21: a stopped job places nothing) fires too.
        MonitorViolation v = assertFires(b.at(40).check(), Invariant.JOB_UPDATES);
        assertTrue(v.message().contains("places 1 allocations"), v.message());
    }

    /**
     * A plan made before the purge and held by its worker commits after it as it was made
     * (N-23): not judged, nor by PlanGuard's stopped-job bound; the deregister plan stops what
     * it placed.
     */
    @Test
    void aPlanHeldFromBeforeThePurgeIsNotJudged() {
        HistoryBuilder b = NomadFlows.placed().at(19);
        b.add(new EvalCreated(b.now(), 800, 10, "node-update", 2));
        long snapshot = b.now();
        b.at(20).add(new JobPurged(b.now(), 10))
                .add(new EvalCreated(b.now(), EVAL, 10, "job-deregister", -1));
        b.at(25).add(new PlanCommitted(b.now(), 800, 10, snapshot, 1, 0, 0, 0))
                .place(102, 10, 2);
        b.at(25.01);
        deregisterPlan(b, 0, 3).stop(100, "alloc not needed due to job update")
                .stop(101, "alloc not needed due to job update")
                .stop(102, "alloc not needed due to job update");
        assertQuiet(b.at(40).check());
    }

    @Test
    void aPurgedJobRunningAtTheEndOfASettledRunFires() {
        HistoryBuilder b = purged();
        MonitorViolation v = assertOnly(b.at(40).end().check(), Invariant.JOB_UPDATES);
        assertTrue(v.message().contains("purged, still non-terminal at the end"), v.message());
    }
}
