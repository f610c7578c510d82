package io.schedsim.model.sched;

/**
 * Turns an evaluation into a plan from the cluster state as it is when called; the plan commits
 * later (seeded delay), so it may be stale by then. Contract: no state changes here — only the
 * plan applier commits. Implementations must respect the reconciler rules of N-9..N-11, N-31..N-38.
 */
public interface Scheduler {
    Plan plan(Evaluation eval);
}
