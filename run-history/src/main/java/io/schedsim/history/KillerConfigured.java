package io.schedsim.history;

/**
 * The chaos killer's limits (SC-1, INV-20); windows start at this event's time.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param maxKills max_to_kill
 * @param killIntervalMillis kill_interval: length of one kill window
 * @param batchSize batch_size_to_kill: kills allowed per window
 */
public record KillerConfigured(
        long atNanos, int maxKills, long killIntervalMillis, int batchSize) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public KillerConfigured {
        Require.time(atNanos);
        Require.nonNegative("maxKills", maxKills);
        Require.positive("killIntervalMillis", killIntervalMillis);
        Require.positive("batchSize", batchSize);
    }

    @Override
    public EventType type() {
        return EventType.KILLER_CONFIGURED;
    }
}
