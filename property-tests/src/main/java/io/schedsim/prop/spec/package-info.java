/**
 * A run as one value: {@link io.schedsim.prop.spec.RunSpec} (scenario, typed config, seed,
 * {@link io.schedsim.prop.spec.Variant}, {@link io.schedsim.prop.spec.FaultPlanSpec}, ordering,
 * {@link io.schedsim.prop.spec.UserCheck}s), and the read-only {@link
 * io.schedsim.prop.spec.RunView} a user check judges a finished run by.
 */
package io.schedsim.prop.spec;
