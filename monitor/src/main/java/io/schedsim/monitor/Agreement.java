package io.schedsim.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * MON-1: the model's online checks and the monitor must agree on whether a run broke a rule.
 * They disagree when the model flags an id the monitor does not flag (the monitor misses a rule,
 * or the model's gate is wrong), or when the monitor flags something and the model nothing (the
 * model's gate missed it). When both flag, the monitor may name more ids than the model: the
 * model stops at its first violation, and the monitor checks rules the model does not.
 */
public final class Agreement {
    private Agreement() {}

    /**
     * The MON-1 violations for one run: empty when they agree. {@code modelInvariantIds} are the
     * ids the model reported (e.g. "INV-4"); {@code monitor} is the monitor's report of the run's
     * history. Each disagreement is stamped with the event of the monitor's first violation, or
     * the history's end.
     */
    public static List<MonitorViolation> compare(Collection<String> modelInvariantIds,
            MonitorReport monitor) {
        Set<String> monitorIds = new LinkedHashSet<>();
        for (MonitorViolation violation : monitor.violations()) {
            monitorIds.add(violation.invariant().id());
        }
        long seq = monitor.violations().isEmpty() ? Math.max(monitor.events() - 1, 0)
                : monitor.violations().get(0).seq();
        long at = monitor.violations().isEmpty() ? 0 : monitor.violations().get(0).atNanos();
        List<MonitorViolation> disagreements = new ArrayList<>();
        for (String id : new LinkedHashSet<>(modelInvariantIds)) {
            if (!monitorIds.contains(id)) {
                disagreements.add(disagreement(seq, at, "the model flags " + id + ", the monitor "
                        + (monitorIds.isEmpty() ? "flags nothing" : "flags only " + monitorIds)));
            }
        }
        if (modelInvariantIds.isEmpty() && !monitor.clean()) {
            MonitorViolation first = monitor.violations().get(0);
            disagreements.add(disagreement(first.seq(), first.atNanos(), "the monitor flags "
                    + monitorIds + ", the model flags nothing; first: " + first));
        }
        return disagreements;
    }

    private static MonitorViolation disagreement(long seq, long atNanos, String message) {
        return new MonitorViolation(Invariant.MONITOR_DISAGREEMENT, seq, atNanos,
                MonitorViolation.NONE, MonitorViolation.NONE, MonitorViolation.NONE,
                MonitorViolation.NONE, message);
    }
}
