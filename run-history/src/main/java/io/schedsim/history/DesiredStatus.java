package io.schedsim.history;

/** What the servers want of an allocation (SEMANTICS §2.2). */
public enum DesiredStatus {
    RUN,
    STOP,
    EVICT
}
