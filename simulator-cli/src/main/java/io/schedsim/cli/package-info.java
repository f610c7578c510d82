/**
 * The {@code schedsim} command line: picocli commands that parse arguments, look up a scenario,
 * call one entry point of property-tests, and print a report or the JSON of CLI.md. No simulation
 * logic lives here; every bad input becomes exit 2 with one {@code schedsim: } line on stderr.
 */
package io.schedsim.cli;
