/** The compact text report of {@code run} and {@code replay}. */
package io.schedsim.cli.report;
