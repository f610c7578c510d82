package io.schedsim.model.actor;

/**
 * Ray's actor rules: restarts left → restart and count it; -1 → restart forever; a
 * death caused by preemption is free, even with none left, as long as max_restarts > 0
 * (ray#54175); max_restarts 0 never restarts. A task lost with its actor is retried while
 * max_task_retries allows (-1 forever, 0 never: at-most-once).
 */
public final class RayActorPolicy implements ActorFaultPolicy {
    public static final RayActorPolicy INSTANCE = new RayActorPolicy();

    private RayActorPolicy() {}

    @Override
    public int afterActorDeath(int maxRestarts, int restartsUsed, boolean preempted) {
        if (maxRestarts == 0) {
            return GIVE_UP;
        }
        if (preempted) {
            return restartsUsed;
        }
        return next(maxRestarts, restartsUsed);
    }

    @Override
    public int afterTaskLost(int maxTaskRetries, int retriesUsed) {
        return next(maxTaskRetries, retriesUsed);
    }

    private static int next(int max, int used) {
        if (max < 0) {
            return used == Integer.MAX_VALUE ? used : used + 1;
        }
        return used < max ? used + 1 : GIVE_UP;
    }
}
