/**
 * What {@code schedsim sweep} adds around the property search: the progress line on a terminal,
 * the text report, and stopping cleanly on Ctrl-C with everything found so far.
 */
package io.schedsim.cli.sweep;
