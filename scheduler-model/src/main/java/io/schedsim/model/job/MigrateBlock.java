package io.schedsim.model.job;

/**
 * A task group's {@code migrate} block (N-12): defaults max_parallel 1, min_healthy_time 10 s,
 * healthy_deadline 5 m. {@code healthyDeadline} marks a replacement unhealthy if it is not healthy
 * by then; the scenario decides whether a replacement turns healthy.
 */
public record MigrateBlock(int maxParallel, long minHealthyTimeMillis, long healthyDeadlineMillis) {
    public static final MigrateBlock DEFAULT = new MigrateBlock(1, 10_000, 300_000);
}
