package io.schedsim.prop.junit;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.ReplayIdentity;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.replay.Reproduction;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.spec.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code -Dschedsim.replay=FILE}: the property the file was written by replays it instead of
 * searching; every other property skips (JUnit reports it aborted, not passed), so that a run of
 * the whole suite replays that one property alone. A run that violates anything fails the test
 * with a {@link PropertyFailure} of one failure, as a search would, saying whether it reproduced
 * what the file recorded; a clean run passes (the bug is fixed).
 */
final class PropertyReplay {
    private PropertyReplay() {}

    static SearchReport run(Path file, RunSpec property, Registry local, TestSite site,
            List<String> blockers) {
        ReplayIdentity recorded = ReplayIdentity.read(file);
        ReplayIdentity mine = ReplayIdentity.of(property);
        Assumptions.assumeTrue(recorded.equals(mine), () -> "-D" + PropertyCheck.REPLAY + "="
                + file + " replays another property (" + recorded + "); this one is " + mine);
        long start = System.nanoTime();
        ReplayFile replay = ReplayFiles.read(file, local);
        RunOutcome outcome = Replayer.replay(replay, null);
        RunResult result = outcome.result();
        long wallMillis = (System.nanoTime() - start) / 1_000_000L;
        Map<String, Long> fired = new TreeMap<>();
        result.faults().fired().forEach((kind, count) -> fired.put(kind, (long) count));
        Map<String, Long> skipped = new TreeMap<>();
        result.faults().skipped().forEach((kind, count) -> skipped.put(kind, (long) count));
        if (!result.violations().isEmpty()) {
            RunResult.Violation first = result.violations().get(0);
            Reproduction reproduction = Reproduction.of(replay, outcome, null);
            StringBuilder text = new StringBuilder("replay of ").append(file).append(": ")
                    .append(describe(first)).append("\n  ")
                    .append(reproduction.reproduced() ? "reproduced the recorded failure"
                            : reproduction.recorded() ? "did not reproduce: "
                            + reproduction.difference() : "the file records no outcome")
                    .append("\n  fault plan:\n").append(outcome.plan().describe()).append('\n');
            FailureText.commands(text, file.toAbsolutePath(), site, blockers);
            int actions = outcome.plan().actions().size();
            int before = replay.shrink() == null ? actions : replay.shrink().faultsBeforeShrink();
            Failure failure = new Failure(result.seed(), first.invariant(),
                    file.toAbsolutePath().toString(), before, actions, first.invariant() + "|"
                    + String.join(",", outcome.plan().countByKind().keySet()), 1,
                    first.message(), result.traceHash(), wallMillis);
            throw new PropertyFailure(text.toString(), new SearchReport(
                    property.scenario().name(), property.variantName(), 1, wallMillis, wallMillis,
                    List.of(failure), new SearchReport.Statistics(0, Map.of(first.invariant(),
                            1L), fired, skipped, 0, false)));
        }
        return new SearchReport(property.scenario().name(), property.variantName(), 1,
                wallMillis, -1, List.of(), new SearchReport.Statistics(1, Map.of(), fired,
                        skipped, 0, false));
    }

    /** E.g. {@code INV-7 at event #1,204: system allocation ... stopped}. */
    static String describe(RunResult.Violation violation) {
        return String.format(java.util.Locale.ROOT, "%s at event #%,d: %s",
                violation.invariant(), violation.event(), violation.message());
    }
}
