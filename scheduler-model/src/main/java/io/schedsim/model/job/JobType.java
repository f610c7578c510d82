package io.schedsim.model.job;

/** Nomad job types (SEMANTICS §2.2). */
public enum JobType {
    SERVICE,
    BATCH,
    SYSTEM,
    SYSBATCH;

    /** system and sysbatch place one allocation per eligible node. */
    public boolean isPerNode() {
        return this == SYSTEM || this == SYSBATCH;
    }

    /** batch and sysbatch run to completion (N-10). */
    public boolean isBatchLike() {
        return this == BATCH || this == SYSBATCH;
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
