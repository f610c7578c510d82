package io.schedsim.history;

/**
 * Nomad drainer batching windows (N-19); both may be 0.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param batchUpdateIntervalMillis BatchUpdateInterval for drain alloc transitions
 * @param deadlineCoalesceWindowMillis NodeDeadlineCoalesceWindow
 */
public record DrainerConfigured(
        long atNanos, long batchUpdateIntervalMillis, long deadlineCoalesceWindowMillis) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public DrainerConfigured {
        Require.time(atNanos);
        Require.nonNegative("batchUpdateIntervalMillis", batchUpdateIntervalMillis);
        Require.nonNegative("deadlineCoalesceWindowMillis", deadlineCoalesceWindowMillis);
    }

    @Override
    public EventType type() {
        return EventType.DRAINER_CONFIGURED;
    }
}
