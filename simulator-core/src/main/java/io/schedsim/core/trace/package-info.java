/** The per-event hash chain, trace sinks, and the run-twice determinism check. */
package io.schedsim.core.trace;
