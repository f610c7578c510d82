package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.JobType;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-14: the first plan made after a node is down marks its allocations lost. */
class LossGuardTest {
    /** Node 1 heartbeats at 12 s (ttl 15 s), is cut off at 13 s and goes down at 37 s. */
    private static HistoryBuilder node1Down() {
        HistoryBuilder b = NomadFlows.placed();
        b.at(12).heartbeat(1, 15_000).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(13).partition(1, true);
        b.at(22).heartbeat(2, 15_000).heartbeat(3, 15_000);
        return b.at(37).down(1);
    }

    @Test
    void aPlanThatLeavesAnAllocationOnADownNodeFires() {
        HistoryBuilder b = node1Down().at(37.01);
        b.add(new PlanCommitted(b.now(), 77, 10, b.now(), 2, 0, 0, 1)).lost(100)
                .replace(102, 10, 2, 100).replace(103, 10, 3, 101);
        MonitorViolation v = assertFires(b.at(37.02).check(), Invariant.LOST_ALLOCS);
        assertEquals(101, v.alloc());
        assertEquals(1, v.node());
    }

    @Test
    void aStalePlanAndACorrectPlanAreQuiet() {
        HistoryBuilder b = node1Down().at(37.005);
        // Made from a snapshot before the node went down: it cannot know.
        b.add(new PlanCommitted(b.now(), 76, 10, 36_990_000_000L, 0, 0, 0, 0));
        // Made at the very instant the node went down, maybe before it (order within an
        // instant is free): not held to it either.
        b.add(new PlanCommitted(b.now(), 75, 10, 37_000_000_000L, 0, 0, 0, 0));
        b.at(37.01).add(new PlanCommitted(b.now(), 77, 10, b.now(), 2, 0, 0, 2)).lost(100)
                .lost(101).replace(102, 10, 2, 100).replace(103, 10, 3, 101);
        b.add(new PlanCommitted(b.now(), 78, 20, b.now(), 0, 0, 0, 1)).lost(200);
        assertQuiet(b.at(37.02).check());
    }

    /**
     * Service job 10 (count 1, lost_after 60 s) runs 100 on node 2. Node 2 is cut off at 13 s
     * and disconnects at 37 s (100 unknown); 101 replaces it on node 1 at 42 s. Node 1 is cut off
     * at 43 s and disconnects at 67 s (101 unknown). Node 2 reconnects at 70 s, and its original
     * 100 is kept: the servers stop 101, still unknown on node 1 (best_score, N-30). Node 1,
     * with nothing left to run there, goes down at 92 s; the next plan is made at 92.01 s.
     */
    private static HistoryBuilder stoppedUnknownOnDownNode() {
        HistoryBuilder b = HistoryBuilder.nomad();
        b.node(1).node(2).node(3);
        b.at(1).job(10, JobType.SERVICE, 1)
                .add(new JobDisconnectConfigured(b.now(), 10, 60_000, true, "best_score"));
        b.at(1.01).plan(10, 1, 0, 0, 0).place(100, 10, 2);
        b.at(1.2).running(100);
        b.at(11.2).healthy(100);
        b.at(12).heartbeat(1, 15_000).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(13).partition(2, true);
        b.at(22).heartbeat(1, 15_000).heartbeat(3, 15_000);
        b.at(32).heartbeat(1, 15_000).heartbeat(3, 15_000);
        b.at(37).status(2, NodeStatus.DISCONNECTED).nodeEvals(2);
        b.at(37.01).plan(10, 0, 0, 0, 0).add(unknown(b, 100));
        b.at(42).heartbeat(1, 15_000).heartbeat(3, 15_000);
        b.at(42.01).plan(10, 1, 0, 0, 0).replace(101, 10, 1, 100, 1);
        b.at(42.3).running(101);
        b.at(43).partition(1, true);
        b.at(52).heartbeat(3, 15_000);
        b.at(62).heartbeat(3, 15_000);
        b.at(67).status(1, NodeStatus.DISCONNECTED).nodeEvals(1);
        b.at(67.01).plan(10, 0, 0, 0, 0).add(unknown(b, 101));
        b.at(70).partition(2, false).heartbeat(2, 15_000).status(2, NodeStatus.READY)
                .nodeEvals(2);
        b.at(70.01).running(100).eval(10, "reconnect", 2);
        b.at(70.02).plan(10, 0, 1, 0, 0)
                .stop(101, "alloc not needed due to disconnected client reconnect");
        b.at(72).heartbeat(2, 15_000).heartbeat(3, 15_000);
        b.at(82).heartbeat(2, 15_000).heartbeat(3, 15_000);
        return b.at(92).down(1);
    }

    private static AllocClientChanged unknown(HistoryBuilder b, int alloc) {
        return new AllocClientChanged(b.now(), alloc, ClientStatus.UNKNOWN);
    }

    /**
     * N-32: an allocation the servers stopped but whose client was last heard of as unknown is
     * left as it is on a down node. util.go {@code updateNonTerminalAllocsToLost} loses stopped
     * allocations only while pending or running, and the reconciler drops every server-terminal
     * allocation of a service job before classifying (reconcile_cluster.go {@code computeGroup}:
     * {@code filterServerTerminalAllocs}), so neither the expiring nor the down-node rule of
     * filters.go sees it (chaos-swarm seed 374: before, this guard flagged every later plan).
     */
    @Test
    void aStoppedUnknownAllocationOnADownNodeIsLeftAlone() {
        HistoryBuilder b = stoppedUnknownOnDownNode();
        b.at(92.01).plan(10, 0, 0, 0, 0);
        for (int t = 92; t <= 122; t += 10) {
            b.at(t + 0.5).heartbeat(2, 15_000).heartbeat(3, 15_000);
        }
        // Past 101's lastUnknown + lost_after (127.01 s): expiry does not reach it either.
        b.at(130).eval(10, "node-update", 3);
        b.at(130.01).plan(10, 0, 0, 0, 0);
        assertQuiet(b.at(130.02).check());
    }

    /** N-32's first row still binds: stopped but running on a down node → lost. */
    @Test
    void aStoppedRunningAllocationOnADownNodeLeftByAPlanFires() {
        HistoryBuilder b = stoppedUnknownOnDownNode();
        b.at(92.005).add(new AllocClientChanged(b.now(), 101, ClientStatus.RUNNING));
        b.at(92.01).plan(10, 0, 0, 0, 0);
        MonitorViolation v = assertFires(b.at(92.02).check(), Invariant.LOST_ALLOCS);
        assertEquals(101, v.alloc());
    }
}
