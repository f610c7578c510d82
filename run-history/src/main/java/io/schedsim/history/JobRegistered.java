package io.schedsim.history;

/**
 * A Nomad job with one task group, as registered (version 0); or one group of a job with
 * several, each its own job id ({@link JobGroupConfigured} follows its events).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param job job id
 * @param name job name
 * @param jobType service, batch, system or sysbatch
 * @param count group count (0 for system and sysbatch)
 * @param cpuMilli CPU per allocation, milli-CPU
 * @param memMb memory per allocation, MiB
 * @param maxParallel migrate max_parallel (N-12)
 * @param minHealthyTimeMillis migrate min_healthy_time
 * @param healthyDeadlineMillis migrate healthy_deadline
 * @param rescheduleAttempts reschedule attempts (N-34)
 * @param rescheduleDelayMillis reschedule base delay
 * @param rescheduleUnlimited reschedule unlimited
 */
public record JobRegistered(
        long atNanos, int job, String name, JobType jobType, int count, long cpuMilli, long memMb,
        int maxParallel, long minHealthyTimeMillis, long healthyDeadlineMillis,
        int rescheduleAttempts, long rescheduleDelayMillis, boolean rescheduleUnlimited) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public JobRegistered {
        Require.time(atNanos);
        Require.id("job", job);
        Require.text("name", name);
        Require.present("jobType", jobType);
        Require.nonNegative("count", count);
        Require.nonNegative("cpuMilli", cpuMilli);
        Require.nonNegative("memMb", memMb);
        Require.nonNegative("maxParallel", maxParallel);
        Require.nonNegative("minHealthyTimeMillis", minHealthyTimeMillis);
        Require.nonNegative("healthyDeadlineMillis", healthyDeadlineMillis);
        Require.nonNegative("rescheduleAttempts", rescheduleAttempts);
        Require.nonNegative("rescheduleDelayMillis", rescheduleDelayMillis);
    }

    @Override
    public EventType type() {
        return EventType.JOB_REGISTERED;
    }
}
