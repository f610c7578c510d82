package io.schedsim.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Assertions on monitor reports for the guard tests. */
public final class Reports {
    private Reports() {}

    /** The report flags {@code invariant}; returns its first violation. */
    public static MonitorViolation assertFires(MonitorReport report, Invariant invariant) {
        for (MonitorViolation violation : report.violations()) {
            if (violation.invariant() == invariant) {
                return violation;
            }
        }
        return fail(invariant.id() + " did not fire; report: " + report.violations());
    }

    /** The report flags {@code invariant} and nothing else. */
    public static MonitorViolation assertOnly(MonitorReport report, Invariant invariant) {
        MonitorViolation first = assertFires(report, invariant);
        List<String> others = new ArrayList<>();
        for (MonitorViolation violation : report.violations()) {
            if (violation.invariant() != invariant) {
                others.add(violation.toString());
            }
        }
        assertEquals(List.of(), others, "only " + invariant.id() + " should fire");
        return first;
    }

    /** The report has no violation at all. */
    public static void assertQuiet(MonitorReport report) {
        assertTrue(report.clean(), () -> "expected no violation: " + report.violations());
    }

    /** The report has a skip of {@code invariant} whose shape contains {@code fragment}. */
    public static void assertSkipped(MonitorReport report, Invariant invariant, String fragment) {
        for (Skip skip : report.skips()) {
            if (skip.invariant() == invariant && skip.shape().contains(fragment)) {
                return;
            }
        }
        fail(invariant.id() + " not skipped with '" + fragment + "'; skips: " + report.skips());
    }
}
