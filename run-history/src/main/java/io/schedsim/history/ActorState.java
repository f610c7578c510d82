package io.schedsim.history;

/**
 * A Ray actor's state, named as Ray's state API names it (R-6; ray:src/ray/protobuf/
 * gcs.proto {@code ActorTableData.ActorState}). DEAD is final.
 */
public enum ActorState {
    /** Created by its owner; its constructor has not finished on any node yet. */
    PENDING_CREATION,
    /** Its constructor finished on a node; it executes its tasks there. */
    ALIVE,
    /** Its worker or node died and a restart was granted: the constructor reruns elsewhere. */
    RESTARTING,
    /** Gone for good: restarts exhausted, or its owner exited. */
    DEAD
}
