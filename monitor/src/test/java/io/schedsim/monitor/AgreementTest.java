package io.schedsim.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MON-1: a disagreement between the model's online checks and the monitor is a failure. */
class AgreementTest {
    private static final MonitorReport CLEAN = new MonitorReport(10, List.of(), 0, List.of());

    private static MonitorReport flagging(Invariant... invariants) {
        List<MonitorViolation> violations = new java.util.ArrayList<>();
        for (Invariant invariant : invariants) {
            violations.add(new MonitorViolation(invariant, 7, 70, 1, -1, -1, -1, "seen"));
        }
        return new MonitorReport(10, violations, violations.size(), List.of());
    }

    @Test
    void agreementIsQuiet() {
        assertEquals(List.of(), Agreement.compare(List.of(), CLEAN));
        assertEquals(List.of(), Agreement.compare(List.of("INV-4"),
                flagging(Invariant.JOB_WIDE_MAX_PARALLEL, Invariant.PACING_WAITS_FOR_HEALTH)));
    }

    @Test
    void theModelFlaggingWhatTheMonitorDoesNotIsMon1() {
        List<MonitorViolation> missed = Agreement.compare(List.of("INV-4"), CLEAN);
        assertEquals(1, missed.size());
        assertEquals(Invariant.MONITOR_DISAGREEMENT, missed.get(0).invariant());
        assertTrue(missed.get(0).message().contains("the model flags INV-4"));
        List<MonitorViolation> other = Agreement.compare(List.of("INV-3"),
                flagging(Invariant.DRAIN_IMPLIES_INELIGIBLE));
        assertTrue(other.get(0).message().contains("flags only [INV-2]"),
                other.get(0).message());
    }

    @Test
    void theMonitorFlaggingWhatTheModelMissesIsMon1() {
        List<MonitorViolation> missed = Agreement.compare(List.of(),
                flagging(Invariant.NO_FALSE_POSITIVES));
        assertEquals(1, missed.size());
        assertEquals(7, missed.get(0).seq());
        assertTrue(missed.get(0).message().contains("the model flags nothing"));
    }
}
