package io.schedsim.fault.plan;

import io.schedsim.model.api.DrainSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * F-8 operator drain call (N-1, N-2, N-4). {@link DrainOp#SET} enables a drain, or updates the one
 * already set (which restarts its deadline clock): {@code deadlineMillis > 0} is a deadline,
 * {@link #FORCE_DEADLINE_MILLIS} is force, {@code 0} is no deadline, and any other negative is
 * invalid. {@link DrainOp#CANCEL} disables it; {@code markEligible=false} is
 * {@code -keep-ineligible}. Fields that do not apply to the
 * operation are normalised (0 / false), so equal calls are equal records.
 */
public record Drain(long atMillis, int node, DrainOp op, long deadlineMillis,
        boolean ignoreSystemJobs, boolean markEligible) implements FaultAction {
    public static final String KIND = "drain";
    /** The deadline the CLI sends for {@code -force} (N-1). */
    public static final long FORCE_DEADLINE_MILLIS = -1_000;
    /** Deadlines are not halved below this. */
    static final long DEADLINE_FLOOR_MILLIS = 1_000;

    public Drain {
        Shrink.requireTime(atMillis);
        Shrink.requireNode(node, false);
        if (op == null) {
            throw new IllegalArgumentException("drain op must be set");
        }
        if (op == DrainOp.SET) {
            if (deadlineMillis < 0 && deadlineMillis != FORCE_DEADLINE_MILLIS) {
                throw new IllegalArgumentException("deadlineMillis must be >= 0, or "
                        + FORCE_DEADLINE_MILLIS + " for -force: " + deadlineMillis);
            }
            Shrink.requireSpan(deadlineMillis, "deadlineMillis");
            markEligible = false;
        } else {
            deadlineMillis = 0;
            ignoreSystemJobs = false;
        }
    }

    public static Drain deadline(long atMillis, int node, long deadlineMillis,
            boolean ignoreSystem) {
        if (deadlineMillis <= 0) {
            throw new IllegalArgumentException("a drain deadline must be > 0: " + deadlineMillis);
        }
        return new Drain(atMillis, node, DrainOp.SET, deadlineMillis, ignoreSystem, false);
    }

    public static Drain force(long atMillis, int node, boolean ignoreSystem) {
        return new Drain(atMillis, node, DrainOp.SET, FORCE_DEADLINE_MILLIS, ignoreSystem, false);
    }

    public static Drain noDeadline(long atMillis, int node, boolean ignoreSystem) {
        return new Drain(atMillis, node, DrainOp.SET, 0, ignoreSystem, false);
    }

    public static Drain cancel(long atMillis, int node, boolean markEligible) {
        return new Drain(atMillis, node, DrainOp.CANCEL, 0, false, markEligible);
    }

    /** The request a {@link DrainOp#SET} sends; only meaningful for SET. */
    public DrainSpec spec() {
        return new DrainSpec(deadlineMillis, ignoreSystemJobs);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        if (op == DrainOp.CANCEL) {
            String eligibility = markEligible ? " mark-eligible" : " keep-ineligible";
            return "node=" + node + " cancel" + eligibility;
        }
        String deadline = deadlineMillis < 0 ? "force" : deadlineMillis == 0 ? "no-deadline"
                : "deadline=" + TimeText.seconds(deadlineMillis);
        return "node=" + node + " set " + deadline + (ignoreSystemJobs ? " ignore-system" : "");
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        if (ignoreSystemJobs) {
            simpler.add(new Drain(atMillis, node, op, deadlineMillis, false, markEligible));
        }
        if (deadlineMillis / 2 >= DEADLINE_FLOOR_MILLIS) {
            simpler.add(new Drain(atMillis, node, op, deadlineMillis / 2, ignoreSystemJobs,
                    markEligible));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return (ignoreSystemJobs ? 1 : 0) + Math.max(0, deadlineMillis);
    }
}
