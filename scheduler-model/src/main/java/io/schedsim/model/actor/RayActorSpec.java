package io.schedsim.model.actor;

/**
 * The actor workload of a run (R-6, R-18; ray:python/ray/tests/test_chaos.py
 * {@code test_chaos_actor_retry}): at {@code submitAtNanos} the driver creates {@code actors}
 * actors of {@code cpuMilliPerActor} each (held while alive), with {@code maxRestarts} and
 * {@code maxTaskRetries} (-1 unlimited), and submits {@code tasksPerActor} tasks to each, numbered
 * 0, 1, 2, ... A constructor takes {@code constructorNanos} from the placement; a task
 * {@code taskRunNanos}.
 */
public record RayActorSpec(int actors, long cpuMilliPerActor, int maxRestarts,
        int maxTaskRetries, int tasksPerActor, long taskRunNanos, long constructorNanos,
        long submitAtNanos) {
    public RayActorSpec {
        if (actors < 0 || tasksPerActor < 0) {
            throw new IllegalArgumentException("negative count: actors " + actors
                    + ", tasksPerActor " + tasksPerActor);
        }
        // One flag per (actor, task) in one array (RayActors.recorded).
        if ((long) actors * tasksPerActor > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("actors x tasksPerActor too large: " + actors
                    + " x " + tasksPerActor);
        }
        if (cpuMilliPerActor < 0 || taskRunNanos < 0 || constructorNanos < 0
                || submitAtNanos < 0) {
            throw new IllegalArgumentException("negative duration or size: cpuMilliPerActor "
                    + cpuMilliPerActor + ", taskRunNanos " + taskRunNanos + ", constructorNanos "
                    + constructorNanos + ", submitAtNanos " + submitAtNanos);
        }
        if (maxRestarts < -1 || maxTaskRetries < -1) {
            throw new IllegalArgumentException("maxRestarts and maxTaskRetries must be >= -1: "
                    + maxRestarts + ", " + maxTaskRetries);
        }
    }

    /** INV-28 applies: unlimited restarts and unlimited task retries (at-least-once). */
    public boolean atLeastOnce() {
        return maxRestarts == -1 && maxTaskRetries == -1;
    }
}
