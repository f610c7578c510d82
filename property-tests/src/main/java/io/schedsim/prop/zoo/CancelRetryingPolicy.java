package io.schedsim.prop.zoo;

import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * The owner retries a cancelled task (TASK_CANCELLED) like a system failure, under max_retries:
 * Ray never does (R-1; ray:src/ray/core_worker/task_manager.cc {@code MarkTaskCanceled} sets the
 * task's retries and OOM retries left to 0 before its attempt's failure comes back). A task the
 * user cancelled runs again. Found by {@code ray-retry-counting} with {@code crashCause=cancel},
 * and by {@code chaos-swarm}'s cancels (seed 13 of 1..3000, shrunk to the one cancel).
 * Breaks INV-19 (the model's check and the monitor's AttemptGuard).
 */
final class CancelRetryingPolicy implements RetryPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final CancelRetryingPolicy INSTANCE = new CancelRetryingPolicy();

    private CancelRetryingPolicy() {}

    @Override
    public boolean mayRetry(ErrorType errorType, boolean retryExceptions) {
        // Only the cancel bug: application errors keep Ray's rule.
        return errorType != ErrorType.TASK_EXECUTION_EXCEPTION || retryExceptions;
    }

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType,
                preempted);
    }
}
