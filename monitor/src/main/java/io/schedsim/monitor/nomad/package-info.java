/**
 * Guards of Nomad's rules: the placement gate (INV-1), eligibility and the operator API (INV-2,
 * INV-3, N-2, N-21), drains and their marks (INV-4..INV-9, N-17), replacements and reschedules
 * (INV-6, INV-10, INV-14, N-34), system jobs (INV-16), losses (INV-14), plan bounds (INV-21),
 * evaluations (N-19, N-22) and monotonic allocation states (INV-18).
 */
package io.schedsim.monitor.nomad;
