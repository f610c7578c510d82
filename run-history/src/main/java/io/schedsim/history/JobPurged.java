package io.schedsim.history;

/**
 * Operator call: the job was stopped and purged ({@code nomad job stop -purge}, Job.Deregister
 * with Purge): the servers deleted it; its deregister evaluation follows and stops every
 * allocation of it (N-36). A later {@code job run} of the same job is a fresh registration
 * (job-registered with a new job id, version 0). Emitted only for an accepted call.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param job job id
 */
public record JobPurged(long atNanos, int job) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public JobPurged {
        Require.time(atNanos);
        Require.id("job", job);
    }

    @Override
    public EventType type() {
        return EventType.JOB_PURGED;
    }
}
