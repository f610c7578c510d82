package io.schedsim.prop.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.schedsim.core.metrics.PercentileSummary;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run, shaped exactly as the JSON of {@code schedsim run --json} (CLI.md).
 * {@code violations} come in a fixed order ({@link RunHistory}): the model's online checks
 * first, as found (so a replay file and the shrinker keep the model's first invariant), then
 * the monitor's own, then MON-1 disagreements between the model and the monitor; a run only the
 * monitor flags therefore reports the monitor's finding first, with MON-1 after it.
 *
 * @param config every knob as given (defaults and overrides): the run's identity
 * @param resolved what the scenario derived from the config, resolved (the real task count of
 *     {@code tasks=0}, the node total with the head, the fault actions planned per kind, ...)
 * @param stopReason why the run ended, a {@link RunEnd.Reason} name
 * @param stopDetail the same in one sentence, with the simulated time
 */
@JsonPropertyOrder({"scenario", "seed", "variant", "config", "resolved", "traceHash", "events",
    "simulatedMillis", "wallMillis", "stopReason", "stopDetail", "nodes", "tasks", "faults",
    "allocations", "latencyMillis", "violations"})
public record RunResult(String scenario, long seed, String variant, Map<String, Object> config,
        Map<String, Object> resolved, String traceHash, long events, long simulatedMillis,
        long wallMillis, String stopReason, String stopDetail, Nodes nodes, Tasks tasks,
        Faults faults, Allocations allocations, Map<String, PercentileSummary> latencyMillis,
        List<Violation> violations) {

    /** A result without derived values or a stop sentence (scenarios that have neither). */
    public RunResult(String scenario, long seed, String variant, Map<String, Object> config,
            String traceHash, long events, long simulatedMillis, long wallMillis,
            String stopReason, Nodes nodes, Tasks tasks, Faults faults, Allocations allocations,
            Map<String, PercentileSummary> latencyMillis, List<Violation> violations) {
        this(scenario, seed, variant, config, Map.of(), traceHash, events, simulatedMillis,
                wallMillis, stopReason, "", nodes, tasks, faults, allocations, latencyMillis,
                violations);
    }

    /** Node counts at the end of the run; {@code disconnected} in the servers' view (N-27). */
    @JsonPropertyOrder({"total", "killed", "down", "drained", "disconnected"})
    public record Nodes(int total, int killed, int down, int drained, int disconnected) {
        /** Counts of a run in which no node is disconnected. */
        public Nodes(int total, int killed, int down, int drained) {
            this(total, killed, down, drained, 0);
        }
    }

    /** Ray-style task counts; zero for scenarios without tasks. */
    public record Tasks(long submitted, long completed, long failed, long lost, long retries,
            long pending) {}

    /** Fault ledger totals: planned actions, fired and skipped per fault kind. */
    public record Faults(int planned, Map<String, Integer> fired, Map<String, Integer> skipped) {}

    /**
     * Allocations at the end, by job type (service, batch, system, sysbatch): those running, and
     * those whose client status is unknown (a disconnected client's, N-30).
     */
    @JsonPropertyOrder({"running", "unknown"})
    public record Allocations(Map<String, Integer> running, Map<String, Integer> unknown) {
        /** Counts of a run without unknown allocations: every type 0. */
        public Allocations(Map<String, Integer> running) {
            this(running, zeroByType(running));
        }

        private static Map<String, Integer> zeroByType(Map<String, Integer> running) {
            Map<String, Integer> zero = new java.util.LinkedHashMap<>();
            for (String type : running.keySet()) {
                zero.put(type, 0);
            }
            return zero;
        }
    }

    /**
     * One invariant violation: id, simulated time, simulation event number and a message; which
     * check found it ({@link #MODEL}, {@link #MONITOR}, {@link #AGREEMENT} or a user
     * {@link #CHECK}); for the monitor's, the position of the history event that revealed it and
     * the ids it names (null: not known).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String invariant, long atMillis, long event, String message,
            String source, Long seq, Integer node, Integer alloc, Long task, Integer job) {
        public static final String MODEL = "model";
        public static final String MONITOR = "monitor";
        public static final String AGREEMENT = "agreement";
        /** A scenario's own expectation ({@code Scenario#expectations}), e.g. SC-12. */
        public static final String EXPECTATION = "expectation";
        /** A user check of the run's spec, judged after the run (named after the check). */
        public static final String CHECK = "check";

        /** A violation the model's own checks found. */
        public Violation(String invariant, long atMillis, long event, String message) {
            this(invariant, atMillis, event, message, MODEL, null, null, null, null, null);
        }
    }

    public boolean violated() {
        return !violations.isEmpty();
    }

    /** This result with {@code next} as its violations, everything else unchanged. */
    public RunResult withViolations(List<Violation> next) {
        return new RunResult(scenario, seed, variant, config, resolved, traceHash, events,
                simulatedMillis, wallMillis, stopReason, stopDetail, nodes, tasks, faults,
                allocations, latencyMillis, List.copyOf(next));
    }
}
