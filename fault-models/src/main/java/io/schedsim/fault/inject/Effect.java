package io.schedsim.fault.inject;

/**
 * A setting of the cluster that lasting faults change and restore. Overlapping faults on the same
 * channel combine: the strongest loss, delay, slowdown or stall wins, partition directions add
 * up, and for clock drift the fault that started last wins.
 */
enum Effect {
    HEARTBEAT_LOSS,
    HEARTBEAT_DELAY,
    PARTITION,
    STATUS_UPDATES,
    WORK_SLOWDOWN,
    CLOCK_DRIFT,
    SCHEDULER_STALL,
    /** Allocations that start fail their health checks (N-13); on while any fault holds it. */
    FAILING_HEALTH_CHECKS
}
