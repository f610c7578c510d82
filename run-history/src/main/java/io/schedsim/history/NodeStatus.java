package io.schedsim.history;

/** A node's status in the servers' view (SEMANTICS §2.1); under Ray policies DOWN is DEAD. */
public enum NodeStatus {
    INITIALIZING,
    READY,
    DOWN,
    DISCONNECTED
}
