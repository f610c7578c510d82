package io.schedsim.model.node;

/**
 * Node status in the server's view (nomad:nomad/structs/structs.go). Only {@code DOWN} is
 * terminal; {@code DOWN} and {@code DISCONNECTED} are unresponsive. Under Ray policies DOWN is
 * Ray's DEAD and is final for that node id.
 */
public enum NodeStatus {
    INITIALIZING,
    READY,
    DOWN,
    DISCONNECTED;

    public boolean isUnresponsive() {
        return this == DOWN || this == DISCONNECTED;
    }
}
