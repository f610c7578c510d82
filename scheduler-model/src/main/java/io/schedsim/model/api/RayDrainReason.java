package io.schedsim.model.api;

/**
 * Why the autoscaler drains a Ray node (ray:src/ray/protobuf/autoscaler.proto
 * {@code DrainNodeReason}; R-15): an idle node it wants to give back, or an instance about to be
 * preempted (F-6).
 */
public enum RayDrainReason {
    /** Accepted only while the node runs no lease ("no longer idle" otherwise). */
    IDLE_TERMINATION,
    /** Always accepted; a death after its deadline is AUTOSCALER_DRAIN_PREEMPTED. */
    PREEMPTION
}
