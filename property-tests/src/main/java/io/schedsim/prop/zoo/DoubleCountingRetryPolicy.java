package io.schedsim.prop.zoo;

import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * Bug 4: a task attempt lost with its node is counted twice against max_retries (once for the
 * NODE_DIED failure, once more when the owner's lease fails), so tasks end in error with fewer
 * counted failures than max_retries allows. Breaks INV-19.
 */
final class DoubleCountingRetryPolicy implements RetryPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final DoubleCountingRetryPolicy INSTANCE = new DoubleCountingRetryPolicy();

    private DoubleCountingRetryPolicy() {}

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        int decision = MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType,
                preempted);
        if (decision == GIVE_UP || errorType != ErrorType.NODE_DIED || maxRetries < 0) {
            return decision;
        }
        return decision + 1 > maxRetries ? GIVE_UP : decision + 1;
    }
}
