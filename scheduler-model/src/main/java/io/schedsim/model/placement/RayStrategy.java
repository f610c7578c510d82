package io.schedsim.model.placement;

/** A Ray task's scheduling strategy (R-12, R-14; Ray's {@code scheduling_strategy}). */
public enum RayStrategy {
    /** The hybrid policy. */
    DEFAULT,
    /** Round robin over the nodes that can take the request now, else over feasible ones. */
    SPREAD,
    /** {@code NodeAffinitySchedulingStrategy(node_id, soft)}. */
    NODE_AFFINITY
}
