/**
 * The cluster model: {@link io.schedsim.model.Cluster} wires nodes, the servers' state and the
 * pluggable control-plane components to one simulation; {@link io.schedsim.model.ClusterControl}
 * is the surface faults act through. Knows nothing of faults.
 */
package io.schedsim.model;
