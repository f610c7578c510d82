package io.schedsim.model.job;

/**
 * A group's {@code reschedule} block for failed allocations (N-34). Defaults: service unlimited
 * with 30 s exponential delay capped at 1 h; batch 1 attempt per 24 h with 5 s constant delay.
 */
public record ReschedulePolicy(int attempts, long intervalMillis, long delayMillis,
        boolean exponential, long maxDelayMillis, boolean unlimited) {
    public static final ReschedulePolicy SERVICE_DEFAULT =
            new ReschedulePolicy(0, 0, 30_000, true, 3_600_000, true);
    public static final ReschedulePolicy BATCH_DEFAULT =
            new ReschedulePolicy(1, 86_400_000, 5_000, false, 5_000, false);
    public static final ReschedulePolicy NONE = new ReschedulePolicy(0, 0, 5_000, false, 5_000, false);

    /** Delay before reschedule attempt {@code previousAttempts + 1} (NextDelay, alloc.go). */
    public long delayMillisFor(int previousAttempts) {
        if (!exponential) {
            return delayMillis;
        }
        long delay = delayMillis;
        for (int i = 0; i < previousAttempts && delay < maxDelayMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMillis);
    }

    public boolean allows(int previousAttempts) {
        return unlimited || previousAttempts < attempts;
    }
}
