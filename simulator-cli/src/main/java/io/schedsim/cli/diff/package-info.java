/**
 * {@code schedsim diff}: two replay runs compared event by event.
 * {@link io.schedsim.cli.diff.ReplayRun} is the one class that reads replay files (the seam for
 * the coming run-spec format), {@link io.schedsim.cli.diff.RunDiff} runs both and finds the first
 * divergent event with the core's determinism check, {@link io.schedsim.cli.diff.DiffReport}
 * prints it.
 */
package io.schedsim.cli.diff;
