package io.schedsim.prop.zoo;

import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * The owner retries an application error (TASK_EXECUTION_EXCEPTION) as if it were a system
 * failure, whatever the task's {@code retry_exceptions}: Ray retries one only with it on (R-1;
 * ray:src/ray/core_worker/transport/normal_task_submitter.cc calls {@code RetryTaskIfPossible}
 * for an application error only when {@code retry_exceptions} is set). A task that raises with it
 * off, Ray's default, runs again instead of ending in error. Found by {@code ray-retry-counting}
 * with {@code crashCause=application-error}, and by {@code chaos-swarm}'s application-error
 * faults. Breaks INV-19 (the model's check and the monitor's AttemptGuard).
 */
final class ExceptionRetryingPolicy implements RetryPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final ExceptionRetryingPolicy INSTANCE = new ExceptionRetryingPolicy();

    private ExceptionRetryingPolicy() {}

    @Override
    public boolean mayRetry(ErrorType errorType, boolean retryExceptions) {
        // Only the application-error bug: a cancelled task stays unretried.
        return errorType != ErrorType.TASK_CANCELLED;
    }

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType,
                preempted);
    }
}
