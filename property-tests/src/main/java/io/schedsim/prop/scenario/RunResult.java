package io.schedsim.prop.scenario;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.schedsim.core.metrics.PercentileSummary;
import java.util.List;
import java.util.Map;

/** The outcome of one run, shaped exactly as the JSON of {@code schedsim run --json} (CLI.md). */
@JsonPropertyOrder({"scenario", "seed", "variant", "config", "traceHash", "events",
    "simulatedMillis", "wallMillis", "stopReason", "nodes", "tasks", "faults", "allocations",
    "latencyMillis", "violations"})
public record RunResult(String scenario, long seed, String variant, Map<String, Object> config,
        String traceHash, long events, long simulatedMillis, long wallMillis, String stopReason,
        Nodes nodes, Tasks tasks, Faults faults, Allocations allocations,
        Map<String, PercentileSummary> latencyMillis, List<Violation> violations) {

    /** Node counts at the end of the run. */
    public record Nodes(int total, int killed, int down, int drained) {}

    /** Ray-style task counts; zero for scenarios without tasks. */
    public record Tasks(long submitted, long completed, long failed, long lost, long retries,
            long pending) {}

    /** Fault ledger totals: planned actions, fired and skipped per fault kind. */
    public record Faults(int planned, Map<String, Integer> fired, Map<String, Integer> skipped) {}

    /** Allocations running at the end, by job type (service, batch, system, sysbatch). */
    public record Allocations(Map<String, Integer> running) {}

    /** One invariant violation: id, simulated time, event number and a message. */
    public record Violation(String invariant, long atMillis, long event, String message) {}

    public boolean violated() {
        return !violations.isEmpty();
    }
}
