/**
 * The liveness invariants (INV-23..INV-27), judged once at the end of a settled run, each excuse
 * exact and reported as a {@link io.schedsim.monitor.Skip}.
 */
package io.schedsim.monitor.live;
