package io.schedsim.prop.zoo;

import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * Bug 17: the owner treats a WORKER_DIED failure like a preemption and retries it for free, not
 * counting it against max_retries (R-2 counts every system failure; only a drain preemption is
 * free, R-3). A task whose workers keep dying is retried past max_retries + 1 attempts. Breaks
 * INV-19.
 */
final class UncountedWorkerDeathRetryPolicy implements RetryPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final UncountedWorkerDeathRetryPolicy INSTANCE = new UncountedWorkerDeathRetryPolicy();

    private UncountedWorkerDeathRetryPolicy() {}

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType,
                preempted || errorType == ErrorType.WORKER_DIED);
    }
}
