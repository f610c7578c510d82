package io.schedsim.history;

/**
 * The last event: why the run loop stopped; liveness is judged only after a normal stop.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param stopReason why the run loop returned
 */
public record RunEnded(long atNanos, RunStopReason stopReason) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public RunEnded {
        Require.time(atNanos);
        Require.present("stopReason", stopReason);
    }

    @Override
    public EventType type() {
        return EventType.RUN_ENDED;
    }
}
