/** Simulated time in {@code long} nanoseconds; nothing in the simulation reads the wall clock. */
package io.schedsim.core.time;
