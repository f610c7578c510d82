/** The built-in scenarios: SC-1 … SC-14 of SEMANTICS §5 and chaos-swarm. */
package io.schedsim.prop.scenario.builtin;
