package io.schedsim.history;

/**
 * Ground truth: a leader election; TTL timers reset to the failover TTL (F-7, N-26).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 */
public record LeaderFailover(long atNanos) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public LeaderFailover {
        Require.time(atNanos);
    }

    @Override
    public EventType type() {
        return EventType.LEADER_FAILOVER;
    }
}
