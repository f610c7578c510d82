package io.schedsim.prop.zoo;

import io.schedsim.model.actor.ActorFaultPolicy;
import io.schedsim.model.actor.RayActorPolicy;

/**
 * Bug 27: the actor restarts as Ray's rules say, but the task it was executing when it died is
 * dropped (failed) instead of retried, whatever max_task_retries allows: at-most-once for every
 * actor. With max_task_retries -1 a sequence number is then never recorded, which breaks
 * INV-28; found by {@code ray-actors}, where each raylet kill catches several actors mid-task.
 */
final class DroppingActorPolicy implements ActorFaultPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final DroppingActorPolicy INSTANCE = new DroppingActorPolicy();

    private DroppingActorPolicy() {}

    @Override
    public int afterActorDeath(int maxRestarts, int restartsUsed, boolean preempted) {
        return RayActorPolicy.INSTANCE.afterActorDeath(maxRestarts, restartsUsed, preempted);
    }

    @Override
    public int afterTaskLost(int maxTaskRetries, int retriesUsed) {
        return GIVE_UP;
    }
}
