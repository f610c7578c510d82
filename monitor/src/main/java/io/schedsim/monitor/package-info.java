/**
 * The independent monitor: {@link io.schedsim.monitor.Monitor} judges a run's observable history
 * (the events of {@code io.schedsim.history}) against SEMANTICS' invariants and rules with its own
 * state, and reports {@link io.schedsim.monitor.MonitorViolation}s named by
 * {@link io.schedsim.monitor.Invariant} and {@link io.schedsim.monitor.Skip}s for judgements it
 * could not make. It imports nothing of the model (ArchUnit checks it), so a bug in the model's
 * gates cannot hide from it; {@link io.schedsim.monitor.Agreement} turns a disagreement between
 * the two into MON-1, and {@link io.schedsim.monitor.HistoryCheck} is {@code schedsim check}.
 */
package io.schedsim.monitor;
