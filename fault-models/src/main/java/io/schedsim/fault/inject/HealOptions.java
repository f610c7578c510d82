package io.schedsim.fault.inject;

/**
 * What the heal phase does beyond lifting every lasting fault.
 *
 * @param restartDownNodes restart every node this plan terminated or agent-killed that is still
 *     down (replacement capacity)
 * @param sameIdentity restart under the old slot (Nomad) rather than as a new node (Ray)
 */
public record HealOptions(boolean restartDownNodes, boolean sameIdentity) {
    /** Lift faults only; leave killed nodes down. */
    public static final HealOptions LIFT_ONLY = new HealOptions(false, false);
}
