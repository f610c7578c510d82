/**
 * Sweep engines: where the blocks of a seed range run. {@link
 * io.schedsim.prop.search.engine.SweepEngine} is the SPI, found by name with {@link
 * java.util.ServiceLoader}; {@code threads} (this JVM) is built in, {@code spark} lives in the
 * {@code schedsim-spark} module. Engines only schedule: what a block computes is a {@link
 * io.schedsim.prop.search.engine.BlockWork}, and results depend on the seeds alone.
 */
package io.schedsim.prop.search.engine;
