package io.schedsim.prop.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.OrderingSpec;
import java.util.Map;

/**
 * Everything needed to reproduce a run exactly (CLI.md "Replay files"): scenario, variant, config,
 * seed, the explicit fault plan and the ordering choices, plus what the run produced, so a replay
 * can confirm it reproduced the same trace hash and invariant.
 *
 * @param expected what the recorded run produced (null if unknown)
 * @param shrink how the plan was shrunk (null if it was not)
 */
@JsonPropertyOrder({"format", "scenario", "variant", "seed", "config", "ordering", "faultPlan",
    "expected", "shrink"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReplayFile(String format, String scenario, String variant, long seed,
        Map<String, Object> config, OrderingSpec ordering, FaultPlan faultPlan, Expected expected,
        ShrinkStats shrink) {

    public static final String FORMAT = "schedsim-replay/1";

    /**
     * The outcome of the recorded run.
     *
     * @param checkpoints the trace hash every N events; optional (null: not recorded)
     */
    public record Expected(String traceHash, String invariant, String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) Checkpoints checkpoints) {
        /** An outcome without checkpoints, as writers of format /1 record it. */
        public Expected(String traceHash, String invariant, String message) {
            this(traceHash, invariant, message, null);
        }
    }

    /** Sizes before and after shrinking, and how many runs shrinking took. */
    public record ShrinkStats(int faultsBeforeShrink, int faultsAfterShrink, int runs) {}
}
