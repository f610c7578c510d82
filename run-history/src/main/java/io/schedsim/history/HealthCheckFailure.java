package io.schedsim.history;

/** How a health check failed. */
public enum HealthCheckFailure {
    /** No reply within health_check_timeout_ms. */
    TIMEOUT,
    /** The host refused the connection: the agent is down. */
    REFUSED
}
