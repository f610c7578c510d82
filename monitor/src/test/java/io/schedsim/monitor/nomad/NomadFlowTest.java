package io.schedsim.monitor.nomad;

import static io.schedsim.monitor.Reports.assertQuiet;

import io.schedsim.monitor.HistoryBuilder;
import org.junit.jupiter.api.Test;

/** The correct flows every Nomad guard test breaks stay quiet as they are. */
class NomadFlowTest {
    @Test
    void placedFlowIsQuiet() {
        assertQuiet(NomadFlows.placed().at(60).end().check());
    }

    @Test
    void drainedFlowIsQuiet() {
        HistoryBuilder b = NomadFlows.drained();
        // Node 1 stays ineligible after its drain (N-6); the Ready nodes 2 and 3 keep the system
        // job covered and the service job at its count.
        assertQuiet(b.at(120).end().check());
    }
}
