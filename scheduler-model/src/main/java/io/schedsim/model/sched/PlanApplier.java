package io.schedsim.model.sched;

/**
 * Commits a plan against the current state (nomad/plan_apply.go): stops and lost updates always
 * apply; each placement is re-validated against the placement gate (Ready, fits) and rejected if
 * it no longer holds (N-23). Implementations commit through the state store's operations.
 */
public interface PlanApplier {
    PlanResult apply(Plan plan);
}
