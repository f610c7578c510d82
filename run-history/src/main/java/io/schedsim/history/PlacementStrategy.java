package io.schedsim.history;

/** A Ray task's scheduling strategy (R-12, R-14; Ray's {@code scheduling_strategy}). */
public enum PlacementStrategy {
    /** The hybrid policy: pack below the spread threshold, then the least utilised. */
    DEFAULT,
    /** Round robin over the nodes that can take the request now, else over feasible ones. */
    SPREAD,
    /**
     * {@code NodeAffinitySchedulingStrategy}: the target node if it is ALIVE, not draining and
     * feasible (even busy: the request queues there); otherwise soft falls back to DEFAULT and
     * hard fails the task TASK_UNSCHEDULABLE.
     */
    NODE_AFFINITY
}
