/**
 * The twelve fault kinds ({@link io.schedsim.fault.kind.FaultKind}), which group the plan's action
 * types, and generators that reproduce the fault schedules of known chaos tests as explicit plans:
 * the Ray chaos killer ({@link io.schedsim.fault.kind.KillerPlan}, SC-1), the periodic network
 * blackout ({@link io.schedsim.fault.kind.BlackoutPlan}, SC-13) and the concurrent operator drain
 * and eligibility calls ({@link io.schedsim.fault.kind.DrainRacePlan}, SC-2b). Every draw comes
 * from the {@code SimRandom} stream the caller passes and lands in the plan.
 */
package io.schedsim.fault.kind;
