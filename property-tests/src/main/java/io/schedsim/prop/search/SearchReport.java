package io.schedsim.prop.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The outcome of a search, shaped as CLI.md's {@code sweep --json}, plus statistics. */
@JsonPropertyOrder({"scenario", "variant", "seedsRun", "wallMillis", "firstFailureMillis",
    "failures", "statistics"})
public record SearchReport(String scenario, String variant, long seedsRun, long wallMillis,
        long firstFailureMillis, List<Failure> failures, Statistics statistics) {

    /**
     * Per-search statistics: outcomes, fault kinds fired, shrinking cost, interruption and, for
     * guided search only, what it learnt.
     */
    public record Statistics(long passed, Map<String, Long> violationsByInvariant,
            Map<String, Long> faultsFired, Map<String, Long> faultsSkipped, long shrinkRuns,
            boolean interrupted, @JsonInclude(JsonInclude.Include.NON_NULL) Guided guided) {

        /** Statistics of a random search (no guided part). */
        public Statistics(long passed, Map<String, Long> violationsByInvariant,
                Map<String, Long> faultsFired, Map<String, Long> faultsSkipped, long shrinkRuns,
                boolean interrupted) {
            this(passed, violationsByInvariant, faultsFired, faultsSkipped, shrinkRuns,
                    interrupted, null);
        }
    }

    /**
     * What guided search learnt: rounds completed, corpus entries kept, features reached (of
     * {@code Coverage.BITS}), and runs drawn from the corpus (a mutant, or the seed's own run when
     * no admitted edit came out) rather than fresh seeds.
     */
    public record Guided(long rounds, int corpusEntries, int featuresCovered, long corpusRuns) {}
}
