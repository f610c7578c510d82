package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.JobGroupConfigured;
import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * Several task groups per job (N-36): job web's groups api (job id 30: count 2, max_parallel 1)
 * and cache (job id 31: count 2, max_parallel 2) run allocations 300, 301 and 310, 311 on node
 * 1, which is drained at t=20 s. Nomad paces each group by its own max_parallel
 * (watch_jobs.go handleJob calls handleTaskGroup per group; TestDrainingJobWatcher_
 * HandleTaskGroup): the monitor judges INV-4 per job id, and each group is its own job id.
 */
class TaskGroupsGuardTest {
    private static HistoryBuilder drained() {
        HistoryBuilder b = HistoryBuilder.nomad();
        b.node(1).node(2).node(3);
        b.at(1).job(30, JobType.SERVICE, 2, 1);
        b.add(new JobGroupConfigured(b.now(), 30, "web", "api", 0, 2));
        b.job(31, JobType.SERVICE, 2, 2);
        b.add(new JobGroupConfigured(b.now(), 31, "web", "cache", 1, 2));
        b.at(1.01).plan(30, 2, 0, 0, 0).place(300, 30, 1).place(301, 30, 1);
        b.plan(31, 2, 0, 0, 0).place(310, 31, 1).place(311, 31, 1);
        b.at(1.2).running(300).running(301).running(310).running(311);
        b.at(11.2).healthy(300).healthy(301).healthy(310).healthy(311);
        return b.at(20).drain(1, 3_600_000).at(21);
    }

    @Test
    void eachGroupIsPacedByItsOwnMaxParallel() {
        // cache may migrate both at once (max_parallel 2); api one (max_parallel 1). Pooled
        // over the job (count 4, max_parallel 1) the three marks would break INV-4.
        assertQuiet(drained().mark(310, false).mark(311, false).mark(300, false).check());
    }

    @Test
    void aGroupPacedPastItsMaxParallelFires() {
        // Pooled (count 4, max_parallel 3) two marks of api would pass; api's own does not.
        MonitorViolation v = assertFires(drained().mark(300, false).mark(301, false).check(),
                Invariant.JOB_WIDE_MAX_PARALLEL);
        assertEquals(301, v.alloc());
        assertEquals(30, v.job());
        assertTrue(v.message().contains("job 30 (group web.api)"), v.message());
    }
}
