/**
 * What the monitor knows, built from the history alone (settings, nodes, jobs, allocations,
 * tasks, reservations, disturbances), the {@link io.schedsim.monitor.state.Guard} contract every
 * concern implements, and the small primitives they share (deadline heap, time sentinels,
 * verdicts). Internal to the monitor: public only so its guard packages can read it.
 */
package io.schedsim.monitor.state;
