/**
 * The observable history of a schedsim run: one record per kind of event (operator calls and
 * results, node status and eligibility, heartbeats and health checks, faults as the harness sees
 * them, jobs, evaluations, plans, allocations, Ray task attempts, reservations), the enums they
 * use, and the {@link io.schedsim.history.HistorySink} port a run publishes them through. Pure
 * data: this package depends on nothing of schedsim, so any checker can read a history without
 * sharing code with the model that wrote it. docs/history.md is the format's reference.
 */
package io.schedsim.history;
