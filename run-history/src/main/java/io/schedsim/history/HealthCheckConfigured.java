package io.schedsim.history;

/**
 * Ray pull health-check settings, emitted at time 0 under RAY_HEALTH_CHECK.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param initialDelayMillis health_check_initial_delay_ms
 * @param periodMillis health_check_period_ms
 * @param timeoutMillis health_check_timeout_ms
 * @param failureThreshold health_check_failure_threshold
 */
public record HealthCheckConfigured(
        long atNanos, long initialDelayMillis, long periodMillis, long timeoutMillis,
        int failureThreshold) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HealthCheckConfigured {
        Require.time(atNanos);
        Require.nonNegative("initialDelayMillis", initialDelayMillis);
        Require.positive("periodMillis", periodMillis);
        Require.positive("timeoutMillis", timeoutMillis);
        Require.positive("failureThreshold", failureThreshold);
    }

    @Override
    public EventType type() {
        return EventType.HEALTH_CHECK_CONFIGURED;
    }
}
