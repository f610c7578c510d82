/** The event queue, the single-threaded loop, and same-time ordering strategies. */
package io.schedsim.core.event;
