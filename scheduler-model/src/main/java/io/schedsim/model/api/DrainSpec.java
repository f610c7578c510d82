package io.schedsim.model.api;

/**
 * A drain request as the CLI sends it (N-1): {@code deadlineMillis > 0} is a deadline,
 * {@code < 0} is force (fires now), {@code 0} is no deadline. {@code ignoreSystemJobs} keeps
 * system allocations running.
 */
public record DrainSpec(long deadlineMillis, boolean ignoreSystemJobs) {
    /** The CLI's default deadline, 1 h (nomad:command/node_drain.go defaultDrainDuration). */
    public static final long DEFAULT_DEADLINE_MILLIS = 3_600_000L;

    public static DrainSpec deadline(long millis, boolean ignoreSystemJobs) {
        return new DrainSpec(millis, ignoreSystemJobs);
    }

    public static DrainSpec force(boolean ignoreSystemJobs) {
        return new DrainSpec(-1_000L, ignoreSystemJobs);
    }

    public static DrainSpec noDeadline(boolean ignoreSystemJobs) {
        return new DrainSpec(0L, ignoreSystemJobs);
    }

    public boolean isForce() {
        return deadlineMillis < 0;
    }

    public boolean hasDeadline() {
        return deadlineMillis > 0;
    }
}
