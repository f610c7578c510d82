/**
 * The servers' state and its only write paths. {@link io.schedsim.model.state.Node},
 * {@link io.schedsim.model.state.Alloc} and {@link io.schedsim.model.state.Job} are read-only
 * outside this package; the {@link io.schedsim.model.state.StateStore} changes them through
 * operations that check the safety invariants a wrong component could break, and reports each
 * change to a {@link io.schedsim.model.state.StateListener}. Nodes' ground truth and the servers'
 * up/down verdict change only through the {@link io.schedsim.model.state.NodeLifecycle}, which
 * the cluster keeps to itself.
 */
package io.schedsim.model.state;
