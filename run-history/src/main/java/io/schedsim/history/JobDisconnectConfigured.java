package io.schedsim.history;

/**
 * A job's group has a disconnect block (N-29); emitted right after its job-registered, and only
 * for a group that has one (lost_after &gt; 0).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param job job id
 * @param lostAfterMillis lost_after: how long an allocation stays unknown before it is lost
 * @param replace replace: whether an unknown allocation is replaced meanwhile
 * @param reconcile reconcile strategy: keep_original, keep_replacement, best_score, longest_running
 */
public record JobDisconnectConfigured(
        long atNanos, int job, long lostAfterMillis, boolean replace, String reconcile)
        implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public JobDisconnectConfigured {
        Require.time(atNanos);
        Require.id("job", job);
        Require.nonNegative("lostAfterMillis", lostAfterMillis);
        Require.text("reconcile", reconcile);
    }

    @Override
    public EventType type() {
        return EventType.JOB_DISCONNECT_CONFIGURED;
    }
}
