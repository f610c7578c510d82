package io.schedsim.prop.spec;

import io.schedsim.history.HistoryEvent;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a finished run by its scenario's expectations, then by its spec's user checks, as
 * invariants named after them; each set only if the run has no violation yet.
 */
final class UserChecks {
    private UserChecks() {}

    /**
     * The outcome with each failing check's verdict appended to its violations, in check order;
     * a run that already violated an invariant is returned as it is (its first violation is what
     * the shrinker and replay files key on, and a broken run says little about a property).
     * {@code history} is the run's observable history, or null when the scenario writes none.
     */
    static RunOutcome judge(RunSpec spec, RunOutcome outcome, List<HistoryEvent> history) {
        RunOutcome expected = judge(spec, outcome, history,
                spec.scenario().expectations(spec.config()), RunResult.Violation.EXPECTATION);
        return judge(spec, expected, history, spec.checks(), RunResult.Violation.CHECK);
    }

    private static RunOutcome judge(RunSpec spec, RunOutcome outcome, List<HistoryEvent> history,
            List<UserCheck> checks, String source) {
        if (checks.isEmpty() || !outcome.result().violations().isEmpty()) {
            return outcome;
        }
        RunView view = new RunView(spec, outcome, history);
        RunResult result = outcome.result();
        List<RunResult.Violation> violations = new ArrayList<>();
        for (UserCheck check : checks) {
            String failure = check.check(view);
            if (failure != null) {
                violations.add(new RunResult.Violation(check.name(), result.simulatedMillis(),
                        result.events(), failure, source, null, null, null, null, null));
            }
        }
        if (violations.isEmpty()) {
            return outcome;
        }
        return outcome.withResult(result.withViolations(violations));
    }
}
