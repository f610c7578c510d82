package io.schedsim.model.alloc;

/** Deployment health of an allocation: unset until min_healthy_time or healthy_deadline (§2.2). */
public enum Health {
    UNSET,
    HEALTHY,
    UNHEALTHY;

    /** Nomad's {@code hasHealth()}: true or false, but set. */
    public boolean isSet() {
        return this != UNSET;
    }
}
