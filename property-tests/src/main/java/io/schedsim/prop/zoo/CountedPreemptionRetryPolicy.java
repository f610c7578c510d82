package io.schedsim.prop.zoo;

import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * Bug 25: the owner ignores the death reason and counts a NODE_DIED failure on a node preempted
 * past its drain deadline against max_retries, as Ray did before ray#54182 (R-3 makes it free;
 * R-11 says when a death is preempted). A task lost to a preemption with no retries left ends in
 * error. Breaks INV-19; found by {@code ray-drain}, whose tasks have max_retries 0, so one
 * preempted death is enough; {@code chaos-swarm} finds it too, but its tasks have 1 to 3 retries,
 * so its failing plans need more deaths of the same task and shrink less far.
 */
final class CountedPreemptionRetryPolicy implements RetryPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final CountedPreemptionRetryPolicy INSTANCE = new CountedPreemptionRetryPolicy();

    private CountedPreemptionRetryPolicy() {}

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType, false);
    }
}
