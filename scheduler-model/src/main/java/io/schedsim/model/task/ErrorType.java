package io.schedsim.model.task;

/** Why an attempt FAILED, named as Ray's state API names it. */
public enum ErrorType {
    /** The attempt's worker process died (F-3 worker kill). */
    WORKER_DIED,
    /** The attempt's node was declared DEAD. */
    NODE_DIED,
    /**
     * The task raised an application error: an F-3 fault with cause application-error, or its
     * child's retries ran out and {@code get} re-raised the error. Retried only with
     * {@code retry_exceptions}, then counted against max_retries.
     */
    TASK_EXECUTION_EXCEPTION,
    /**
     * The attempt's owner died and the raylet killed the worker leased to it (R-5, R-10;
     * ray:src/ray/raylet/node_manager.cc {@code HandleUnexpectedWorkerFailure}, {@code
     * NodeRemoved}). Never retried: nobody is left to retry it.
     */
    OWNER_DIED,
    /**
     * The raylet's memory monitor killed the attempt's worker (F-3 with cause oom). Retried under
     * its own counter, task_oom_retries, never counted against max_retries (R-2;
     * ray:src/ray/core_worker/task_manager.cc {@code RetryTaskIfPossible}).
     */
    OUT_OF_MEMORY,
    /**
     * The task was cancelled ({@code ray.cancel}, R-1): never retried, whatever max_retries says
     * (ray:src/ray/core_worker/task_manager.cc {@code MarkTaskCanceled} zeroes both retry
     * counters before the attempt's failure arrives).
     */
    TASK_CANCELLED,
    /**
     * The task's hard NODE_AFFINITY target is not ALIVE, is draining or can never fit it: the
     * raylet cancels the lease request (SCHEDULING_CANCELLED_UNSCHEDULABLE) and the owner fails
     * the task without retries (R-14; ray:src/ray/raylet/scheduling/cluster_lease_manager.cc).
     */
    TASK_UNSCHEDULABLE
}
