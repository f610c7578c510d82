/**
 * Evaluations and their broker, the scheduler workers, the reconciler and the plan applier
 * (N-9..N-39). The broker and the workers are control-plane actors the cluster owns; the
 * scheduler and the plan applier are pluggable components.
 */
package io.schedsim.model.sched;
