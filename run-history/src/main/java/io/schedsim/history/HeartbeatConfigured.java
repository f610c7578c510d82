package io.schedsim.history;

/**
 * Nomad TTL heartbeat settings (N-24, N-26), emitted at time 0 under NOMAD_TTL.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param minTtlMillis min_heartbeat_ttl
 * @param maxHeartbeatsPerSecond max_heartbeats_per_second
 * @param graceMillis heartbeat_grace
 * @param failoverTtlMillis failover_heartbeat_ttl
 */
public record HeartbeatConfigured(
        long atNanos, long minTtlMillis, double maxHeartbeatsPerSecond, long graceMillis,
        long failoverTtlMillis) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public HeartbeatConfigured {
        Require.time(atNanos);
        Require.positive("minTtlMillis", minTtlMillis);
        Require.positive("maxHeartbeatsPerSecond", maxHeartbeatsPerSecond);
        Require.nonNegative("graceMillis", graceMillis);
        Require.positive("failoverTtlMillis", failoverTtlMillis);
    }

    @Override
    public EventType type() {
        return EventType.HEARTBEAT_CONFIGURED;
    }
}
