/**
 * What a scenario is and how each of its knobs is set: the {@code knobs} array of
 * {@code scenarios --json} and the text and JSON of {@code schedsim describe}.
 */
package io.schedsim.cli.describe;
