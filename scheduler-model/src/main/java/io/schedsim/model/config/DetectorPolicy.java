package io.schedsim.model.config;

/** How the control plane learns that a node is gone (SEMANTICS §2.4). */
public enum DetectorPolicy {
    /** Nomad: clients push heartbeats; a server timer of ttl + grace marks the node down. */
    NOMAD_TTL,
    /** Ray (default): the GCS pulls health checks; threshold consecutive failures mean DEAD. */
    RAY_HEALTH_CHECK,
    /**
     * Ray before R-7: raylets push a heartbeat every period; the GCS declares a node DEAD after
     * num_heartbeats_timeout of its periods without one.
     */
    RAY_LEGACY_HEARTBEAT
}
