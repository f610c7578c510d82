/**
 * Swarm testing (FoundationDB's two-level buggify switch, TigerBeetle's {@code options_swarm}):
 * per run seed, {@link io.schedsim.fault.swarm.SwarmGenerator} switches a random subset of the
 * fault kinds on and draws their actions with random intensities across the cluster's nodes. Every
 * decision lands in the returned {@code FaultPlan}, so a replay never draws again.
 */
package io.schedsim.fault.swarm;
