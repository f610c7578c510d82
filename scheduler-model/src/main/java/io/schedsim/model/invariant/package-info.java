/** Invariant ids (SEMANTICS §6), violations, and the monitor that collects them online. */
package io.schedsim.model.invariant;
