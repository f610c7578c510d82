package io.schedsim.model.job;

/**
 * An operator's {@code job run} of a changed job, or {@code job stop} (N-36): the servers store a
 * new version and evaluate the job. {@code destructive} says what changed: a task's config or
 * resources (the allocations are replaced) or only what Nomad updates in place (meta, count, the
 * update or migrate blocks; scheduler/util.go {@code tasksUpdated}). {@code count} is the group's
 * new count, or {@link #SAME_COUNT}; per-node jobs have none. A stop ends every allocation.
 */
public record JobUpdate(boolean destructive, int count, boolean stop) {
    /** The count is unchanged. */
    public static final int SAME_COUNT = -1;

    public JobUpdate {
        if (count < SAME_COUNT) {
            throw new IllegalArgumentException("count must be >= 0 or SAME_COUNT, was " + count);
        }
    }

    /** A change that replaces every allocation (a new image, new resources). */
    public static JobUpdate destructiveChange() {
        return new JobUpdate(true, SAME_COUNT, false);
    }

    /** A change Nomad applies in place (meta, a block the tasks do not see). */
    public static JobUpdate inPlaceChange() {
        return new JobUpdate(false, SAME_COUNT, false);
    }

    /** {@code job scale}: only the count changes, in place. */
    public static JobUpdate scale(int count) {
        return new JobUpdate(false, count, false);
    }

    /** {@code job stop} (not purged: the job and its allocations stay listed). */
    public static JobUpdate stopJob() {
        return new JobUpdate(false, SAME_COUNT, true);
    }
}
