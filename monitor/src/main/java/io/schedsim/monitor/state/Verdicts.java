package io.schedsim.monitor.state;

import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import io.schedsim.monitor.Skip;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects what the guards decide: violations, stamped with the position and time of the event
 * being judged, and skipped judgements. Bounded: past {@link #VIOLATIONS_MAX} violations only
 * the count grows, so a runaway history cannot exhaust memory inside a sweep.
 */
public final class Verdicts {
    public static final int VIOLATIONS_MAX = 10_000;

    private final List<MonitorViolation> violations = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private long seq;
    private long atNanos;
    private long violationCount;

    /** The event now being judged; every report until the next call is stamped with it. */
    public void position(long seq, long atNanos) {
        this.seq = seq;
        this.atNanos = atNanos;
    }

    /** Records a violation; ids are the history's ids, {@link MonitorViolation#NONE} if none. */
    public void report(Invariant invariant, int node, int alloc, long task, int job,
            String message) {
        violationCount++;
        if (violations.size() < VIOLATIONS_MAX) {
            violations.add(new MonitorViolation(invariant, seq, atNanos, node, alloc, task, job,
                    message));
        }
    }

    /** Records a judgement not made, and why. */
    public void skip(Invariant invariant, String shape) {
        skips.add(new Skip(invariant, shape));
    }

    public List<MonitorViolation> violations() {
        return Collections.unmodifiableList(violations);
    }

    public List<Skip> skips() {
        return Collections.unmodifiableList(skips);
    }

    /** All violations found, including those past the kept maximum. */
    public long violationCount() {
        return violationCount;
    }

    /** The time of the event being judged. */
    public long atNanos() {
        return atNanos;
    }
}
