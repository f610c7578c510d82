package io.schedsim.history;

/** Why an attempt failed or a task ended in error, named as Ray names it; NONE for success. */
public enum ErrorType {
    /** No error: the attempt did not fail, or the task resolved to a value. */
    NONE,
    /** The worker process died (F-3). */
    WORKER_DIED,
    /** The node was declared DEAD. */
    NODE_DIED,
    /** The task raised (an application error, not retried by default, R-1). */
    TASK_EXECUTION_EXCEPTION,
    /** The task was cancelled (never retried, R-1). */
    TASK_CANCELLED,
    /** The task's owner died, so its result has nowhere to go. */
    OWNER_DIED,
    /**
     * The worker was killed for out of memory; retried under task_oom_retries, not counted
     * against max_retries.
     */
    OUT_OF_MEMORY,
    /**
     * A hard NODE_AFFINITY target is not ALIVE, is draining or cannot ever fit the request: the
     * raylet cancels the lease request and the task fails without retries.
     */
    TASK_UNSCHEDULABLE
}
