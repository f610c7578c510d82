package io.schedsim.model.sched;

/** What the plan applier committed and rejected (N-23, N-39). */
public record PlanResult(int placed, int rejected) {}
