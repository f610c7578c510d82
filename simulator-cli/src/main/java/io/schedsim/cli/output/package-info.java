/**
 * Everything the CLI writes to disk or stdout as data: the shared JSON mapper, output files that
 * appear atomically or not at all, and a run wired to its {@code --trace} and {@code --timeline}.
 */
package io.schedsim.cli.output;
