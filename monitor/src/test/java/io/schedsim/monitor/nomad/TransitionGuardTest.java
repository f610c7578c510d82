package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import org.junit.jupiter.api.Test;

/** INV-18 for allocations: desired and client statuses only move forward. */
class TransitionGuardTest {
    @Test
    void desiredStopBackToRunFires() {
        HistoryBuilder b = NomadFlows.placed().at(20).stop(100, "alloc not needed due to count");
        b.add(new AllocDesiredChanged(b.now(), 100, DesiredStatus.RUN, "resurrected"));
        assertOnly(b.check(), Invariant.MONOTONIC_STATES);
    }

    @Test
    void terminalClientStatusesStayTerminal() {
        HistoryBuilder complete = NomadFlows.placed().at(20).stop(100, "count").complete(100);
        complete.add(new AllocClientChanged(complete.now(), 100, ClientStatus.RUNNING));
        assertOnly(complete.check(), Invariant.MONOTONIC_STATES);
        HistoryBuilder lost = NomadFlows.placed().at(20).lost(100);
        lost.add(new AllocClientChanged(lost.now(), 100, ClientStatus.RUNNING));
        assertOnly(lost.check(), Invariant.MONOTONIC_STATES);
    }

    @Test
    void lostMayBecomeComplete() {
        // N-30: a lost allocation whose client reconnects reports complete.
        HistoryBuilder b = NomadFlows.placed().at(20).lost(100);
        b.add(new AllocClientChanged(b.now(), 100, ClientStatus.COMPLETE));
        assertQuiet(b.check());
    }
}
