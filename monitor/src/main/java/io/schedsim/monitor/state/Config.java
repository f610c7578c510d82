package io.schedsim.monitor.state;

import io.schedsim.history.DetectorPolicy;
import io.schedsim.history.DrainerConfigured;
import io.schedsim.history.HealthCheckConfigured;
import io.schedsim.history.HeartbeatConfigured;
import io.schedsim.history.KillerConfigured;
import io.schedsim.history.RayHeartbeatConfigured;
import io.schedsim.history.RunEnded;
import io.schedsim.history.RunStarted;
import io.schedsim.history.RunStopReason;

/**
 * The run's header and settings as the history states them, in nanoseconds. A setting the
 * history never states stays unknown, and the guards that need it skip rather than guess.
 */
public final class Config {
    public boolean started;
    public String scenario = "";
    public DetectorPolicy detector;

    public boolean heartbeatKnown;
    public long minTtlNanos;
    public double maxHeartbeatsPerSecond;
    public long graceNanos;
    public long failoverTtlNanos;

    public boolean healthCheckKnown;
    public long initialDelayNanos;
    public long periodNanos;
    public long timeoutNanos;
    public int threshold;

    public boolean rayHeartbeatKnown;
    public long rayHeartbeatPeriodNanos;
    public int numHeartbeatsTimeout;
    public long rayHeartbeatOriginNanos;

    public boolean drainerKnown;
    public long batchIntervalNanos;
    public long coalesceWindowNanos;

    public boolean killerKnown;
    public int maxKills;
    public long killIntervalNanos;
    public int killBatchSize;
    public long killerOriginNanos;

    public RunStopReason stopReason;
    public long endedAtNanos = Time.NOT_YET;

    void apply(RunStarted e) {
        started = true;
        scenario = e.scenario();
        detector = e.detector();
    }

    void apply(HeartbeatConfigured e) {
        heartbeatKnown = true;
        minTtlNanos = Time.millis(e.minTtlMillis());
        maxHeartbeatsPerSecond = e.maxHeartbeatsPerSecond();
        graceNanos = Time.millis(e.graceMillis());
        failoverTtlNanos = Time.millis(e.failoverTtlMillis());
    }

    void apply(HealthCheckConfigured e) {
        healthCheckKnown = true;
        initialDelayNanos = Time.millis(e.initialDelayMillis());
        periodNanos = Time.millis(e.periodMillis());
        timeoutNanos = Time.millis(e.timeoutMillis());
        threshold = e.failureThreshold();
    }

    void apply(RayHeartbeatConfigured e) {
        rayHeartbeatKnown = true;
        rayHeartbeatPeriodNanos = Time.millis(e.periodMillis());
        numHeartbeatsTimeout = e.numHeartbeatsTimeout();
        rayHeartbeatOriginNanos = e.atNanos();
    }

    void apply(DrainerConfigured e) {
        drainerKnown = true;
        batchIntervalNanos = Time.millis(e.batchUpdateIntervalMillis());
        coalesceWindowNanos = Time.millis(e.deadlineCoalesceWindowMillis());
    }

    void apply(KillerConfigured e) {
        killerKnown = true;
        maxKills = e.maxKills();
        killIntervalNanos = Time.millis(e.killIntervalMillis());
        killBatchSize = e.batchSize();
        killerOriginNanos = e.atNanos();
    }

    void apply(RunEnded e) {
        stopReason = e.stopReason();
        endedAtNanos = e.atNanos();
    }

    /** True under Nomad's TTL heartbeats with their settings stated. */
    public boolean ttlDetection() {
        return detector == DetectorPolicy.NOMAD_TTL && heartbeatKnown;
    }

    /** True under Ray's pull health checks with their settings stated. */
    public boolean healthCheckDetection() {
        return detector == DetectorPolicy.RAY_HEALTH_CHECK && healthCheckKnown;
    }

    /** True under Ray's legacy push heartbeats with their settings stated. */
    public boolean legacyHeartbeatDetection() {
        return detector == DetectorPolicy.RAY_LEGACY_HEARTBEAT && rayHeartbeatKnown;
    }

    /** Ray policies: DEAD is final and a dead node's capacity leaves at once. */
    public boolean rayDetector() {
        return detector == DetectorPolicy.RAY_HEALTH_CHECK
                || detector == DetectorPolicy.RAY_LEGACY_HEARTBEAT;
    }
}
