package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static io.schedsim.monitor.Reports.assertSkipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.JobConstraintConfigured;
import io.schedsim.history.JobType;
import io.schedsim.history.NodeAttributeSet;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorReport;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * INV-1 with N-35 (ConstraintGuard) and INV-24/INV-27 counting only the nodes that meet a
 * group's constraints. Nodes 1 and 3 are of class gpu, node 2 of class general; service job 10
 * (count 2) wants {@code ${node.class} != general} with distinct_hosts, system job 20
 * {@code ${node.class} = general}.
 */
class ConstraintGuardTest {
    private static HistoryBuilder classes() {
        HistoryBuilder b = HistoryBuilder.nomad();
        b.node(1).add(new NodeAttributeSet(b.now(), 1, "node.class", "gpu"));
        b.node(2).add(new NodeAttributeSet(b.now(), 2, "node.class", "general"));
        b.node(3).add(new NodeAttributeSet(b.now(), 3, "node.class", "gpu"));
        b.at(1).job(10, JobType.SERVICE, 2)
                .add(new JobConstraintConfigured(b.now(), 10, "${node.class}", "!=", "general"))
                .add(new JobConstraintConfigured(b.now(), 10, "", "distinct_hosts", "true"));
        b.job(20, JobType.SYSTEM, 0)
                .add(new JobConstraintConfigured(b.now(), 20, "${node.class}", "=", "general"));
        return b;
    }

    @Test
    void placementsOnMatchingNodesOncePerNodeAreQuiet() {
        HistoryBuilder b = classes().at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1)
                .place(101, 10, 3).plan(20, 1, 0, 0, 0).place(200, 20, 2);
        b.at(1.2).running(100).running(101).running(200);
        assertQuiet(b.at(60).end().check());
    }

    @Test
    void aServicePlacementOnTheWrongClassFires() {
        HistoryBuilder b = classes().at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1)
                .place(101, 10, 2);
        MonitorViolation v = assertOnly(b.check(), Invariant.PLACEMENT_GATE);
        assertEquals(2, v.node());
        assertEquals(101, v.alloc());
        assertTrue(v.message().contains("${node.class} != general"), v.message());
    }

    @Test
    void aSystemPlacementOnTheWrongClassFires() {
        HistoryBuilder b = classes().at(1.01).plan(20, 2, 0, 0, 0).place(200, 20, 2)
                .place(201, 20, 3);
        assertEquals(3, assertOnly(b.check(), Invariant.PLACEMENT_GATE).node());
    }

    @Test
    void aSecondLiveAllocationOnOneNodeBreaksDistinctHosts() {
        HistoryBuilder b = classes().at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1)
                .place(101, 10, 1);
        MonitorViolation v = assertOnly(b.check(), Invariant.PLACEMENT_GATE);
        assertTrue(v.message().contains("distinct_hosts"), v.message());
    }

    /** A terminal allocation (here stopped in the same plan, before its placements) frees it. */
    @Test
    void aTerminalAllocationDoesNotTakeItsNode() {
        HistoryBuilder b = classes().at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1)
                .place(101, 10, 3).at(1.2).running(100).running(101);
        b.at(5).failed(100).at(40).plan(10, 1, 1, 0, 0)
                .stop(100, "alloc was rescheduled because it failed").replace(102, 10, 1, 100, 1);
        assertQuiet(b.check());
    }

    /** {@link #classes}, the service job running on nodes 1 and 3 from 1.2 s. */
    private static HistoryBuilder services() {
        return classes().at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1).place(101, 10, 3)
                .at(1.2).running(100).running(101).at(1.21);
    }

    /** INV-27 counts only general nodes: the gpu nodes need no system allocation. */
    @Test
    void systemCoverageCountsOnlyNodesMeetingTheConstraints() {
        HistoryBuilder b = services().plan(20, 1, 0, 0, 0).place(200, 20, 2)
                .at(1.4).running(200);
        assertQuiet(b.at(60).end().check());
        HistoryBuilder none = services().at(60).end();
        assertEquals(2, assertOnly(none.check(), Invariant.SYSTEM_COVERAGE).node());
    }

    /**
     * INV-24: a count short by one is excused when the only free Ready node is of the wrong
     * class, or of the right class but taken under distinct_hosts.
     */
    @Test
    void serviceCountIsExcusedWhenNoMatchingNodeIsFree() {
        HistoryBuilder b = classes().at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1)
                .plan(20, 1, 0, 0, 0).place(200, 20, 2).at(1.2).running(100).running(200)
                .at(60).end();
        MonitorReport report = b.check();
        assertOnly(report, Invariant.SERVICE_COUNTS_RESTORED);
        HistoryBuilder taken = classes().at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1)
                .plan(20, 1, 0, 0, 0).place(200, 20, 2).at(1.2).running(100).running(200)
                .at(2).setEligible(3, false).at(60).end();
        MonitorReport excused = taken.check();
        assertQuiet(excused);
        assertSkipped(excused, Invariant.SERVICE_COUNTS_RESTORED, "meets its constraints");
    }
}
