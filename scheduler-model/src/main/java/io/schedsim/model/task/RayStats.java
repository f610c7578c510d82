package io.schedsim.model.task;

/** The workload's running counts, shared by its parts; outer tasks unless a field says so. */
final class RayStats {
    long submitted;
    long completed;
    /** Outer tasks that ended in error. */
    long failed;
    /** Attempts (outer and child) that failed NODE_DIED. */
    long lostAttempts;
    /** Retries performed (outer and child). */
    long retries;
    long lastCompletionNanos = -1;
}
