package io.schedsim.model.client;

/** What the client on the node is actually doing with an allocation (ground truth). */
public enum LocalState {
    /** The client has not received it (or never will). */
    NONE,
    STARTING,
    RUNNING,
    STOPPING,
    /** Finished, stopped, failed or gone with the node. */
    DONE
}
