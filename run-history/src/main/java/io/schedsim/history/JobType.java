package io.schedsim.history;

/** Nomad job types (SEMANTICS §2.2). */
public enum JobType {
    SERVICE,
    BATCH,
    SYSTEM,
    SYSBATCH
}
