package io.schedsim.model.node;

/** The node's last-drain record status (nomad:nomad/state/state_store.go, N-5). */
public enum LastDrainStatus {
    NONE,
    DRAINING,
    COMPLETE,
    CANCELED
}
