package io.schedsim.history;

/**
 * A raylet granted a worker lease for a task attempt.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param task task id
 * @param attempt attempt number
 * @param node node id
 * @param cpuMilli CPU leased, milli-CPU
 * @param spillbacks redirects before the grant (INV-22)
 */
public record LeaseGranted(
        long atNanos, long task, int attempt, int node, long cpuMilli, int spillbacks) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public LeaseGranted {
        Require.time(atNanos);
        Require.id("task", task);
        Require.nonNegative("attempt", attempt);
        Require.id("node", node);
        Require.nonNegative("cpuMilli", cpuMilli);
        Require.nonNegative("spillbacks", spillbacks);
    }

    @Override
    public EventType type() {
        return EventType.LEASE_GRANTED;
    }
}
