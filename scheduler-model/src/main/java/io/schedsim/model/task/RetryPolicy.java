package io.schedsim.model.task;

/**
 * The owner's decision after an attempt FAILED (R-1..R-3; ray:src/ray/core_worker/
 * task_manager.cc {@code RetryTaskIfPossible}). The workload keeps one {@code retriesUsed} counter
 * per task, starting at 0 and owned by the policy: it passes the current value in and stores what
 * comes back. Returning {@link #GIVE_UP} ends the task in error; any other value (≥ 0) retries it
 * after {@code task_retry_delay_ms}. An application error (TASK_EXECUTION_EXCEPTION) reaches
 * {@link #afterFailure} only if {@link #mayRetry} lets it, which Ray's does only with
 * {@code retry_exceptions} on (R-1; ray:src/ray/core_worker/transport/normal_task_submitter.cc
 * calls {@code RetryTaskIfPossible} for a retryable application error only then); it is then
 * counted against max_retries like a system failure.
 *
 * <p>The workload checks every decision against its own count of attempts and preemption-caused
 * failures (INV-19): a retry beyond {@code maxRetries + 1 + preempted} attempts, giving up after
 * at most {@code maxRetries} counted failures, or giving up at all with {@code maxRetries = -1}
 * is a violation. So a policy that forgets to count node losses, or counts them twice, is caught.
 * Implementations are stateless and deterministic.
 */
public interface RetryPolicy {
    /** The decision that ends the task in error. */
    int GIVE_UP = -1;

    /**
     * Decides after a failed attempt.
     *
     * @param maxRetries the task's max_retries: -1 unlimited, 0 none
     * @param retriesUsed what this policy returned last time for the task, 0 at first
     * @param errorType why the attempt failed
     * @param preempted the attempt died with a node whose death reason is
     *     AUTOSCALER_DRAIN_PREEMPTED
     * @return the new retries-used count to retry, or {@link #GIVE_UP}
     */
    int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType, boolean preempted);

    /**
     * Whether a failure of type {@code errorType} may be retried at all: an application
     * error only with {@code retry_exceptions} on; every other failure goes to
     * {@link #afterFailure}. Retrying an application error with it off breaks INV-19. A
     * cancelled task (TASK_CANCELLED) is never retried (R-1; task_manager.cc {@code
     * MarkTaskCanceled} sets its retries left to 0): retrying it breaks INV-19 too.
     *
     * @param retryExceptions the task's {@code retry_exceptions}
     */
    default boolean mayRetry(ErrorType errorType, boolean retryExceptions) {
        if (errorType == ErrorType.TASK_CANCELLED) {
            return false;
        }
        return errorType != ErrorType.TASK_EXECUTION_EXCEPTION || retryExceptions;
    }

    /**
     * Decides after an OUT_OF_MEMORY failure, under the task's own OOM counter (R-2;
     * task_manager.cc {@code RetryTaskIfPossible}: {@code num_oom_retries_left}), never
     * max_retries. The workload keeps an {@code oomRetriesUsed} counter per task beside
     * {@code retriesUsed}, as for {@link #afterFailure}.
     *
     * @param oomRetries the task's OOM budget: -1 unlimited
     * @param oomRetriesUsed what this method returned last time for the task, 0 at first
     * @return the new count to retry, or {@link #GIVE_UP}
     */
    default int afterOutOfMemory(int oomRetries, int oomRetriesUsed) {
        if (oomRetries < 0) {
            return oomRetriesUsed;
        }
        return oomRetriesUsed < oomRetries ? oomRetriesUsed + 1 : GIVE_UP;
    }

    /**
     * once an owner's death is reported, the raylets kill the workers leased to it
     * (ray:src/ray/raylet/node_manager.cc: {@code HandleUnexpectedWorkerFailure} for a dead
     * worker, {@code NodeRemoved} for every owner on a dead node), so a running child of a dead
     * parent releases its CPU then and fails OWNER_DIED, never retried; the parent's own retry
     * submits a new child. True for Ray; a policy answering false leaves such a child running to
     * its natural end with its CPU held (the model before issue 13).
     */
    default boolean killsWorkersOfDeadOwner() {
        return true;
    }
}
