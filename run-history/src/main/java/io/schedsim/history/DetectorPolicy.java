package io.schedsim.history;

/** How the servers learn a node is gone (SEMANTICS §2.4). */
public enum DetectorPolicy {
    /** Nomad: clients push heartbeats; a server timer of ttl + grace marks a node down (N-24). */
    NOMAD_TTL,
    /** Ray: the GCS pulls health checks; threshold consecutive failures mean DEAD. */
    RAY_HEALTH_CHECK,
    /**
     * Ray's legacy push heartbeats: DEAD after num_heartbeats_timeout GCS periods without a
     * heartbeat.
     */
    RAY_LEGACY_HEARTBEAT
}
