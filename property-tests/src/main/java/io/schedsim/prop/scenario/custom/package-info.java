/**
 * Scenarios defined in a few lines: {@link io.schedsim.prop.scenario.custom.CustomScenario}'s
 * builder says the nodes, jobs, Ray workload and the fault swarm's kinds, ranges and window; the
 * result runs through the same runner, search, shrinker and replay as the built-ins.
 */
package io.schedsim.prop.scenario.custom;
