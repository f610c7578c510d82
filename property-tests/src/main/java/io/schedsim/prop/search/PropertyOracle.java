package io.schedsim.prop.search;

import io.schedsim.prop.scenario.RunOutcome;
import java.io.Serializable;

/**
 * A property's own check over a finished run, beyond the model's invariants: returns null when
 * the run satisfies it, or a one-line description of what went wrong. The search treats a
 * non-null answer as a violation named {@link #name()}, so it is shrunk and replayed like one.
 */
public interface PropertyOracle extends Serializable {
    String name();

    String check(RunOutcome outcome);

    /** The outcome with this oracle's verdict appended to its violations (if it fails). */
    static RunOutcome apply(PropertyOracle oracle, RunOutcome outcome) {
        if (oracle == null || !outcome.result().violations().isEmpty()) {
            return outcome;
        }
        String failure = oracle.check(outcome);
        if (failure == null) {
            return outcome;
        }
        var result = outcome.result();
        var violations = new java.util.ArrayList<>(result.violations());
        violations.add(new io.schedsim.prop.scenario.RunResult.Violation(oracle.name(),
                result.simulatedMillis(), result.events(), failure));
        var amended = result.withViolations(violations);
        return new RunOutcome(amended, outcome.plan(), outcome.ordering(), outcome.cluster(),
                outcome.ledger());
    }
}
