package io.schedsim.prop.zoo;

import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * The OOM counter without its unlimited case: an OUT_OF_MEMORY kill is retried only while
 * retries are left ({@code num_oom_retries_left > 0}), so task_oom_retries -1, Ray's default,
 * means no OOM retry at all and the first OOM kill ends the task. An older
 * ray:src/ray/core_worker/task_manager.cc {@code RetryTaskIfPossible} had this shape; the current
 * one retries forever at -1. Found by {@code chaos-swarm}'s OOM kills and by
 * {@code ray-retry-counting} with {@code crashCause=oom}. Breaks INV-19 (the model's check and
 * the monitor's AttemptGuard).
 */
final class OomUnlimitedAsNonePolicy implements RetryPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final OomUnlimitedAsNonePolicy INSTANCE = new OomUnlimitedAsNonePolicy();

    private OomUnlimitedAsNonePolicy() {}

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType,
                preempted);
    }

    @Override
    public int afterOutOfMemory(int oomRetries, int oomRetriesUsed) {
        return oomRetriesUsed < oomRetries ? oomRetriesUsed + 1 : GIVE_UP;
    }
}
