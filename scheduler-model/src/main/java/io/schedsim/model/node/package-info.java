/** Node status, last-drain status and the node history's events; the nodes are in the state. */
package io.schedsim.model.node;
