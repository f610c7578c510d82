package io.schedsim.history;

/**
 * One task group of a Nomad job with several groups (N-36): the model registers one job id per
 * group, each with the group's own count, resources, constraints and migrate, reschedule and
 * disconnect blocks (its job-registered and following events), so every rule Nomad applies per
 * group (counts, drain pacing, migrations, system placement per node) is per job id in the
 * history; this event names the job and group that id stands for. The groups of one job are
 * registered, updated, stopped and purged together. Emitted right after the group's
 * job-registered (and its disconnect and constraint events), only for a job with several groups.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param job job id (of this group)
 * @param jobName the Nomad job's name (its ID)
 * @param group the task group's name; its allocations are {@code jobName.group[i]}
 * @param groupIndex the group's position in the job, from 0
 * @param groups how many groups the job has
 */
public record JobGroupConfigured(long atNanos, int job, String jobName, String group,
        int groupIndex, int groups) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public JobGroupConfigured {
        Require.time(atNanos);
        Require.id("job", job);
        Require.text("jobName", jobName);
        Require.text("group", group);
        Require.nonNegative("groupIndex", groupIndex);
        Require.nonNegative("groups", groups);
        if (groupIndex >= groups) {
            throw new IllegalArgumentException("groupIndex must be below groups: " + groupIndex
                    + " of " + groups);
        }
    }

    @Override
    public EventType type() {
        return EventType.JOB_GROUP_CONFIGURED;
    }
}
