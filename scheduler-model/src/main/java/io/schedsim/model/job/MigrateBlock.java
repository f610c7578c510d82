package io.schedsim.model.job;

/**
 * A task group's {@code migrate} block (N-12): defaults max_parallel 1, min_healthy_time 10 s,
 * healthy_deadline 5 m. {@code healthyDeadline}, counted from the alloc runner's start on the
 * node's clock, marks a replacement unhealthy if it is not healthy by then ({@code DefaultClient});
 * Nomad refuses a min_healthy_time above it, and at equality the deadline wins.
 */
public record MigrateBlock(int maxParallel, long minHealthyTimeMillis, long healthyDeadlineMillis) {
    public static final MigrateBlock DEFAULT = new MigrateBlock(1, 10_000, 300_000);
}
