/**
 * Typed command-line values (seeds, seed ranges, durations, thread counts, {@code KEY=VALUE}
 * settings) as picocli converters whose messages name the value and what was expected.
 */
package io.schedsim.cli.args;
