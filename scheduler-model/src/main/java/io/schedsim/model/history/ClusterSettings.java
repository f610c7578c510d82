package io.schedsim.model.history;

import io.schedsim.history.DrainerConfigured;
import io.schedsim.history.HealthCheckConfigured;
import io.schedsim.history.HeartbeatConfigured;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.RayHeartbeatConfigured;
import io.schedsim.model.config.ClusterConfig;
import java.util.List;

/**
 * The settings events a cluster states at its start (docs/history.md §1.4, rule 1): its failure
 * detector's (N-24, R-7, R-9) and its drainer's batching windows (N-19), from which the monitor
 * computes every bound it holds the run to. Nothing the monitor needs is left for it to guess.
 */
public final class ClusterSettings {
    private ClusterSettings() {}

    public static List<HistoryEvent> of(ClusterConfig config, long nowNanos) {
        HistoryEvent detector = switch (config.detector) {
            case NOMAD_TTL -> new HeartbeatConfigured(nowNanos, config.minHeartbeatTtlMillis,
                    config.maxHeartbeatsPerSecond, config.heartbeatGraceMillis,
                    config.failoverHeartbeatTtlMillis);
            case RAY_HEALTH_CHECK -> new HealthCheckConfigured(nowNanos,
                    config.healthCheckInitialDelayMillis, config.healthCheckPeriodMillis,
                    config.healthCheckTimeoutMillis, config.healthCheckFailureThreshold);
            case RAY_LEGACY_HEARTBEAT -> new RayHeartbeatConfigured(nowNanos,
                    config.rayHeartbeatPeriodMillis, config.rayNumHeartbeatsTimeout);
        };
        return List.of(detector, new DrainerConfigured(nowNanos,
                config.drainBatchUpdateIntervalMillis, config.drainDeadlineCoalesceWindowMillis));
    }
}
