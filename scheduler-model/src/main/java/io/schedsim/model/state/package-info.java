/**
 * The servers' state: nodes, allocations and jobs, and the state store whose operations are the
 * only way to change them.
 */
package io.schedsim.model.state;
