package io.schedsim.history;

/**
 * Ray legacy push-heartbeat settings, emitted at time 0 under RAY_LEGACY_HEARTBEAT. The
 * GCS counts its periods from this event's time.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param periodMillis raylet_heartbeat_period_milliseconds: the raylet's push period and the
 *     GCS's counting period
 * @param numHeartbeatsTimeout num_heartbeats_timeout: GCS periods without a heartbeat before DEAD
 */
public record RayHeartbeatConfigured(long atNanos, long periodMillis, int numHeartbeatsTimeout)
        implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public RayHeartbeatConfigured {
        Require.time(atNanos);
        Require.positive("periodMillis", periodMillis);
        Require.positive("numHeartbeatsTimeout", numHeartbeatsTimeout);
    }

    @Override
    public EventType type() {
        return EventType.RAY_HEARTBEAT_CONFIGURED;
    }
}
