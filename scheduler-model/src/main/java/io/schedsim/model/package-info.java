/**
 * The cluster model's top: {@link io.schedsim.model.Cluster} wires nodes, the servers' state and
 * the pluggable components (built from a {@link io.schedsim.model.ModelComponents} value) to one
 * simulation; {@link io.schedsim.model.ClusterControl} is the surface faults act through.
 * Components get a narrow {@code ModelContext}, never the cluster: no subpackage imports this one,
 * and the subpackages form no cycle (ArchitectureTest). Knows nothing of faults.
 */
package io.schedsim.model;
