package io.schedsim.model.task;

/**
 * Ray's retry rule (R-1..R-3): retries left → retry and count it; max_retries -1 → retry forever;
 * none left → the task ends in error. A failure caused by preemption is free (ray#54182).
 * So k ≤ max_retries counted failures give k FAILED attempts and one FINISHED.
 */
public final class MaxRetriesPolicy implements RetryPolicy {
    public static final MaxRetriesPolicy INSTANCE = new MaxRetriesPolicy();

    public MaxRetriesPolicy() {}

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        if (preempted) {
            return retriesUsed;
        }
        if (maxRetries < 0) {
            return retriesUsed == Integer.MAX_VALUE ? retriesUsed : retriesUsed + 1;
        }
        return retriesUsed < maxRetries ? retriesUsed + 1 : GIVE_UP;
    }
}
