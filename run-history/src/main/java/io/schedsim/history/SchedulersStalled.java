package io.schedsim.history;

/**
 * Ground truth: scheduler workers take no evaluation before untilNanos.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param untilNanos end of the stall
 */
public record SchedulersStalled(long atNanos, long untilNanos) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public SchedulersStalled {
        Require.time(atNanos);
        Require.nonNegative("untilNanos", untilNanos);
    }

    @Override
    public EventType type() {
        return EventType.SCHEDULERS_STALLED;
    }
}
