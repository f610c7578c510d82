package io.schedsim.history;

/**
 * A job got a new version or was stopped (N-36).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param job job id
 * @param version new job version
 * @param stopped true once the job is stopped
 * @param count the group's count from now on (0 for system and sysbatch jobs)
 * @param destructive true if the change replaces allocations; false if Nomad updates them in
 *     place (tasksUpdated)
 */
public record JobUpdated(
        long atNanos, int job, int version, boolean stopped, int count, boolean destructive)
        implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public JobUpdated {
        Require.time(atNanos);
        Require.id("job", job);
        Require.nonNegative("version", version);
        Require.nonNegative("count", count);
    }

    @Override
    public EventType type() {
        return EventType.JOB_UPDATED;
    }
}
