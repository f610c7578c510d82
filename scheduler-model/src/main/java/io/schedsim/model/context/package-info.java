/**
 * What a pluggable component sees of its cluster: a {@link io.schedsim.model.context.ModelContext}
 * of narrow ports (simulation, configuration, state store, network, invariant checks) and the
 * {@link io.schedsim.model.context.ControlPlane} operations. Components never see the cluster.
 */
package io.schedsim.model.context;
