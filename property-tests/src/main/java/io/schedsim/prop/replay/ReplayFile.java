package io.schedsim.prop.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.schedsim.prop.spec.RunSpec;

/**
 * A run to reproduce exactly and what it produced (CLI.md "Replay files"): format {@value
 * #FORMAT} is {@code {"format", "spec": RunSpec, "expected", "shrink"}}, the fault plan's actions
 * at {@code .spec.faultPlan.actions}, the scenario, variant and each check by name and provider
 * class. Files of format {@value #FORMAT_1} (scenario, variant, config, seed, ordering and plan at
 * the top level) load into the same value.
 *
 * @param format the format the file was read in (a writer always writes {@value #FORMAT})
 * @param expected what the recorded run produced (null if unknown)
 * @param shrink how the plan was shrunk (null if it was not)
 */
public record ReplayFile(String format, RunSpec spec, Expected expected, ShrinkStats shrink) {

    public static final String FORMAT = "schedsim-replay/2";
    /** The first format: still read, never written. */
    public static final String FORMAT_1 = "schedsim-replay/1";

    /** A file of the current format. */
    public static ReplayFile of(RunSpec spec, Expected expected, ShrinkStats shrink) {
        return new ReplayFile(FORMAT, spec, expected, shrink);
    }

    /**
     * The outcome of the recorded run.
     *
     * @param events the run's event count; null in files of format /1, which did not record it
     * @param invariant the first violation's invariant or check; null for a clean run
     * @param checkpoints the trace hash every N events; optional (null: not recorded)
     */
    @JsonPropertyOrder({"traceHash", "events", "invariant", "message", "checkpoints"})
    public record Expected(String traceHash, Long events, String invariant, String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) Checkpoints checkpoints) {
        /** An outcome without checkpoints. */
        public Expected(String traceHash, long events, String invariant, String message) {
            this(traceHash, events, invariant, message, null);
        }
    }

    /** Sizes before and after shrinking, and how many runs shrinking took. */
    @JsonPropertyOrder({"faultsBeforeShrink", "faultsAfterShrink", "runs"})
    public record ShrinkStats(int faultsBeforeShrink, int faultsAfterShrink, int runs) {}
}
