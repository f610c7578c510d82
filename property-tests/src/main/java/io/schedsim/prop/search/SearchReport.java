package io.schedsim.prop.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The outcome of a search, shaped as CLI.md's {@code sweep --json}, plus statistics. */
@JsonPropertyOrder({"scenario", "variant", "seedsRun", "wallMillis", "firstFailureMillis",
    "failures", "statistics"})
public record SearchReport(String scenario, String variant, long seedsRun, long wallMillis,
        long firstFailureMillis, List<Failure> failures, Statistics statistics) {

    /** Per-search statistics: outcomes, fault kinds fired, shrinking cost, interruption. */
    public record Statistics(long passed, Map<String, Long> violationsByInvariant,
            Map<String, Long> faultsFired, Map<String, Long> faultsSkipped, long shrinkRuns,
            boolean interrupted) {}
}
