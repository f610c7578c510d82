/** Evaluations, scheduler workers, the reconciler and the plan applier (N-9..N-39). */
package io.schedsim.model.sched;
