/** Human-readable renderings of a run: the text report of {@code run} and the HTML timeline. */
package io.schedsim.cli.report;
