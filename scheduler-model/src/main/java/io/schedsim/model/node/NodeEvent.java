package io.schedsim.model.node;

/**
 * One change in a node's life, as the timeline and reports show it: status as the servers see it,
 * eligibility, drains, and the ground-truth deaths and restarts that caused them.
 */
public record NodeEvent(long atNanos, int node, Kind kind, String detail) {
    /** What changed. */
    public enum Kind {
        READY,
        DOWN,
        /** Missed heartbeats with a lost_after allocation there (N-27). */
        DISCONNECTED,
        ELIGIBLE,
        INELIGIBLE,
        DRAIN_SET,
        DRAIN_COMPLETE,
        DRAIN_CANCELED,
        HOST_TERMINATED,
        AGENT_KILLED,
        RESTARTED,
        JOINED
    }
}
