/** Nodes: capacity, status, eligibility, drain state, and the ground truth faults change. */
package io.schedsim.model.node;
