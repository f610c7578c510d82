package io.schedsim.model.actor;

/**
 * The decisions after an actor's worker or node died (R-6, R-3; ray:src/ray/gcs/
 * gcs_actor_manager.cc {@code RestartActor}, ray:src/ray/core_worker/task_manager.cc for actor
 * tasks). The actor workload keeps one counter per actor and one per in-flight task, owned by
 * the policy: it passes the current value in and stores what comes back; {@link #GIVE_UP} ends
 * the actor (DEAD) or the task (in error).
 *
 * <p>The workload checks every restart against its own count (R-6: restarts not caused by
 * preemption never exceed max_restarts; none at all with max_restarts 0), and every retry
 * against max_task_retries; INV-28 judges at the end that an at-least-once actor recorded every
 * task. So a policy that restarts too often, or drops a task it should retry, is caught.
 * Implementations are stateless and deterministic.
 */
public interface ActorFaultPolicy {
    /** The decision that ends the actor or the task. */
    int GIVE_UP = -1;

    /**
     * Decides after the actor died.
     *
     * @param maxRestarts the actor's max_restarts: -1 unlimited, 0 none
     * @param restartsUsed what this policy returned last time for the actor, 0 at first
     * @param preempted the actor died with a node whose death reason is
     *     AUTOSCALER_DRAIN_PREEMPTED
     * @return the new restarts-used count to restart it, or {@link #GIVE_UP}
     */
    int afterActorDeath(int maxRestarts, int restartsUsed, boolean preempted);

    /**
     * Decides for the task the actor was executing when it died, once a restart is granted.
     *
     * @param maxTaskRetries the actor's max_task_retries: -1 unlimited, 0 at-most-once
     * @param retriesUsed what this policy returned last time for the task, 0 at first
     * @return the new retries-used count to retry it on the restarted actor, or {@link #GIVE_UP}
     */
    int afterTaskLost(int maxTaskRetries, int retriesUsed);
}
