package io.schedsim.monitor;

import java.util.List;

/**
 * What the monitor concluded about one history.
 *
 * @param events events judged
 * @param violations the violations kept, in the order found (at most {@code Verdicts} keeps)
 * @param violationCount every violation found, including any beyond those kept
 * @param skips the judgements not made, and why
 */
public record MonitorReport(long events, List<MonitorViolation> violations, long violationCount,
        List<Skip> skips) {
    public MonitorReport {
        violations = List.copyOf(violations);
        skips = List.copyOf(skips);
    }

    /** True if no rule was broken. */
    public boolean clean() {
        return violationCount == 0;
    }
}
