/**
 * Guards of Ray's rules: task attempts and results (INV-18, INV-19, R-10), leases (INV-1,
 * INV-22) and the reservation ledger shared with Nomad allocations (INV-17).
 */
package io.schedsim.monitor.ray;
