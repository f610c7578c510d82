package io.schedsim.history;

/** An allocation's client status as the servers accepted it (SEMANTICS §2.2). */
public enum ClientStatus {
    PENDING,
    RUNNING,
    COMPLETE,
    FAILED,
    LOST,
    UNKNOWN
}
