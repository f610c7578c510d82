package io.schedsim.fault.plan;

/**
 * A kill whose victim is chosen at fire time by the Ray chaos killer's rules
 * ({@code NodeKillerBase._find_resources_to_kill}), re-checked every second until
 * {@link #recheckUntilMillis()} while no worker may be killed: {@link TerminateInstance} (F-1,
 * {@code EC2InstanceTerminator}) and {@link KillRaylet} (F-2, {@code RayletKiller}).
 */
public interface VictimChoice {
    /** How the victim is picked among the eligible workers. */
    VictimRule victim();

    /** The plan-time draw for {@link VictimRule#RANDOM}, the slot for SLOT, 0 for FIRST. */
    int victimPick();

    /** The last time a kill that found no victim is re-checked before it is skipped. */
    long recheckUntilMillis();
}
