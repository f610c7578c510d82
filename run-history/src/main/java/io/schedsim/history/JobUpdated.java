package io.schedsim.history;

/**
 * A job's version changed or it was stopped (N-36).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param job job id
 * @param version new job version
 * @param stopped true once the job is stopped
 */
public record JobUpdated(
        long atNanos, int job, int version, boolean stopped) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public JobUpdated {
        Require.time(atNanos);
        Require.id("job", job);
        Require.nonNegative("version", version);
    }

    @Override
    public EventType type() {
        return EventType.JOB_UPDATED;
    }
}
