/**
 * Fault injection: {@link io.schedsim.fault.inject.FaultInjector} schedules every action of a
 * fault plan as a simulation event, resolves its targets against the live cluster when it fires,
 * and acts only through the model's {@code ClusterControl}. The
 * {@link io.schedsim.fault.inject.FaultLedger} records what was planned, fired and skipped (with a
 * reason), and which nodes were killed or otherwise disturbed; a fault that never fires is always
 * visible there. {@link io.schedsim.fault.inject.HealPhase} ends the fault window.
 */
package io.schedsim.fault.inject;
