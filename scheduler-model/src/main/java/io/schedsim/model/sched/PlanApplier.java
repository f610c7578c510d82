package io.schedsim.model.sched;

/**
 * Commits a plan against the current state (nomad/plan_apply.go): stops and lost updates always
 * apply; each placement is re-validated against the placement gate (Ready, fits) and rejected if
 * it no longer holds (N-23).
 *
 * <p>Contract: built from a {@code ModelContext}; commits only through the state store's
 * operations ({@code stopAlloc}, {@code markLost} with {@code releaseResources} and
 * {@code sendStop}, {@code placeAlloc}), which check the safety invariants at each write, so a
 * wrong applier is caught at the commit that misbehaved; a reservation it forgets to release is
 * caught by the end-of-run audit (INV-17). Rejected placements make the scheduler workers retry
 * the evaluation (N-39).
 */
public interface PlanApplier {
    /** Commits what still holds of {@code plan}; counts the placements made and rejected. */
    PlanResult apply(Plan plan);
}
