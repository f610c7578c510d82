/**
 * Fault plans as data: a {@link io.schedsim.fault.plan.FaultPlan} is a time-ordered list of
 * {@link io.schedsim.fault.plan.FaultAction} records, one record type per action kind. Plans are
 * generated from a named seeded stream, written to JSON and read back without loss, printed one
 * line per action, and edited by the shrinker ({@code without}, {@code with}, {@code simpler()}).
 * Together with the config, the seed and the ordering choices, a plan fully describes a scenario.
 */
package io.schedsim.fault.plan;
