package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/**
 * INV-8 at the drain call (N-17): Nomad's {@code TestDrainingNode_Table} row "Empty" is done
 * with nothing remaining, and {@code NodeDrainer.Update} (nomad/drainer/watch_nodes.go)
 * completes such a node in the same transaction-driven pass ("if an operator drains a node with
 * nothing on it we unset drain"), not a batch later.
 */
class DoneAtSetGuardTest {
    @Test
    void anEmptyNodeCompletingInTheCallStepIsQuiet() {
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2);
        b.at(20).drain(1, 3_600_000).drainCompleted(1, false);
        assertQuiet(b.at(60).end().check());
    }

    @Test
    void anEmptyNodeCompletingOneBatchLaterFires() {
        // The model's behaviour before issue 12: the next drainer pass, 1 s later.
        HistoryBuilder b = HistoryBuilder.nomad().node(1).node(2);
        b.at(20).drain(1, 3_600_000).at(21).drainCompleted(1, false);
        MonitorViolation v = assertOnly(b.at(60).end().check(), Invariant.COMPLETION_CONDITION);
        assertEquals(1, v.node());
        // Judged when the history leaves the call's instant: at the 21 s completion.
        assertEquals(21_000_000_000L, v.atNanos());
    }

    @Test
    void onlySystemAllocationsLeftIsDoneToo() {
        // TestDrainingNode_Table "System": done, the system allocation remains and is marked in
        // the completion's step. Node 2 holds only system allocation 201.
        HistoryBuilder late = NomadFlows.placed().at(20).drain(2, 0).at(20.5)
                .drainCompleted(2, false).mark(201, false);
        assertOnly(late.at(60).check(), Invariant.COMPLETION_CONDITION);
        HistoryBuilder atOnce = NomadFlows.placed().at(20).drain(2, 0).drainCompleted(2, false)
                .mark(201, false).at(20.01).plan(20, 0, 1, 1, 0)
                .stop(201, "alloc not needed as node is tainted").at(20.5).complete(201);
        assertQuiet(atOnce.at(60).end().check());
    }

    @Test
    void aNodeStillRunningServiceWorkIsNotOwedACompletion() {
        // Node 1 runs service allocations 100 and 101: the drain paces them first.
        assertQuiet(NomadFlows.drained().at(90).end().check());
    }
}
