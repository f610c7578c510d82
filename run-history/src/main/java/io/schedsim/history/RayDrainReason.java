package io.schedsim.history;

/**
 * Why the autoscaler drains a Ray node (ray:src/ray/protobuf/autoscaler.proto
 * {@code DrainNodeReason}; R-15).
 */
public enum RayDrainReason {
    /** The node has been idle long enough; accepted only while it runs no lease. */
    IDLE_TERMINATION,
    /** The instance will be preempted (spot reclaim, F-6); always accepted. */
    PREEMPTION
}
