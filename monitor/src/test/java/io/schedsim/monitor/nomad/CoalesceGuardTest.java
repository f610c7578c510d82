package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * INV-9 with N-19's coalescing (nomad/drainer/drain_heap.go, {@code TestDeadlineHeap_WatchCoalesce}
 * and {@code TestDeadlineHeap_MultipleForce}): with a 5 s window, deadlines at 30 s and 33 s fire
 * together at 33 s; a force drain fires at once and alone.
 */
class CoalesceGuardTest {
    /** Batch job 30 runs allocations 301, 302, 303 on nodes 1, 2, 3; nodes 1 and 2 drained. */
    private static HistoryBuilder twoDeadlines() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2).node(3).node(4);
        b.at(1).job(30, JobType.BATCH, 3);
        b.at(1.01).plan(30, 3, 0, 0, 0).place(301, 30, 1).place(302, 30, 2).place(303, 30, 3);
        b.at(1.2).running(301).running(302).running(303);
        return b.at(20).drain(1, 10_000).drain(2, 13_000);
    }

    @Test
    void deadlinesWithinTheWindowClearedTogetherAtTheLatestAreQuiet() {
        HistoryBuilder b = twoDeadlines().at(33);
        b.mark(301, true).mark(302, true).drainCompleted(1, true).drainCompleted(2, true);
        assertQuiet(b.at(40).check());
    }

    @Test
    void aDeadlineClearedOnItsOwnInsideTheWindowFires() {
        HistoryBuilder b = twoDeadlines().at(30).mark(301, true).drainCompleted(1, true);
        MonitorViolation v = assertOnly(b.at(30.5).check(), Invariant.DEADLINE);
        assertEquals(1, v.node());
        assertTrue(v.message().contains("fire together at 33"), v.message());
    }

    @Test
    void aBatchThatLeavesADueDrainSetFires() {
        HistoryBuilder b = twoDeadlines().at(33).mark(301, true).drainCompleted(1, true);
        MonitorViolation v = assertOnly(b.at(33.5).check(), Invariant.DEADLINE);
        assertEquals(2, v.node());
    }

    /**
     * The heap recomputes its timer when a tracked drain leaves it, and a due time already past
     * fires at once (chaos-swarm seed 134884): node 2's drain completes normally at 31.5 s, so
     * node 1's deadline of 30 s, held for the batch at 33 s, fires at 31.5 s.
     */
    @Test
    void aDrainLeavingTheWindowFiresAnOverdueDeadlineAtOnce() {
        HistoryBuilder b = twoDeadlines().at(31).complete(302);
        b.at(31.5).drainCompleted(2, false).mark(301, true).drainCompleted(1, true);
        assertQuiet(b.at(40).check());
        HistoryBuilder late = twoDeadlines().at(31).complete(302);
        late.at(31.5).drainCompleted(2, false).at(32).mark(301, true).drainCompleted(1, true);
        assertFires(late.at(40).check(), Invariant.DEADLINE);
    }

    @Test
    void aForceDrainClearsAtOnceAndAlone() {
        HistoryBuilder b = twoDeadlines().at(25).forceDrain(3).mark(303, true)
                .drainCompleted(3, true);
        b.at(33).mark(301, true).mark(302, true).drainCompleted(1, true)
                .drainCompleted(2, true);
        assertQuiet(b.at(40).check());
    }
}
