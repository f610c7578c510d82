package io.schedsim.model.task;

/** The workload's running counts, shared by its parts; outer tasks unless a field says so. */
final class RayStats {
    long submitted;
    long completed;
    /** Outer tasks that ended in error. */
    long failed;
    /**
     * Of those, tasks that raised an application error not retried (retry_exceptions off, R-1):
     * the only way a task with max_retries -1 may end in error (INV-23).
     */
    long raised;
    /** Of those, tasks whose OOM retries ran out (R-2: a finite task_oom_retries). */
    long outOfMemory;
    /** Of those, tasks cancelled by {@code ray.cancel}: never retried, never a result. */
    long cancelled;
    /** Outer tasks failed TASK_UNSCHEDULABLE (R-14: hard NODE_AFFINITY to an unusable node). */
    long unschedulable;
    /** Attempts (outer and child) that failed NODE_DIED. */
    long lostAttempts;
    /** Retries performed (outer and child). */
    long retries;
    long lastCompletionNanos = -1;
    /** When the last outer task ended, finished or failed; -1 before any did. */
    long lastEndNanos = -1;

    /** An outer task failed for good at {@code nowNanos}. */
    void outerFailed(long nowNanos) {
        failed++;
        lastEndNanos = nowNanos;
    }
}
