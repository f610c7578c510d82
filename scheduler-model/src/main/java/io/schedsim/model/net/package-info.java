/**
 * The control-plane network: message delays, drops and partitions, all seeded. Components draw
 * delays from it; its fault settings belong to the cluster.
 */
package io.schedsim.model.net;
