package io.schedsim.model.sched;

/**
 * Turns an evaluation into a plan from the servers' state as it is when called; the plan commits
 * later (seeded delay), so it may be stale by then.
 *
 * <p>Contract: built from a {@code ModelContext} and the {@code PlacementPolicy} built for it.
 * {@link #plan} reads the state and changes nothing: only the plan applier commits, through the
 * state store, which checks every placement and stop (INV-1, INV-6, INV-10, INV-16). The plan
 * carries the leader epoch it was made in ({@code ControlPlane.leaderEpoch}); a plan of an
 * earlier epoch is dropped. Implementations must respect the reconciler rules of N-9..N-11 and
 * N-31..N-38.
 */
public interface Scheduler {
    /** The plan for {@code eval}, made from the state as it is now. */
    Plan plan(Evaluation eval);
}
