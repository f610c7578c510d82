package io.schedsim.prop.shrink;

import io.schedsim.prop.scenario.RunOutcome;

/** The smallest failing run found, its outcome, and what shrinking cost. */
public record ShrinkResult(Candidate smallest, RunOutcome outcome, int faultsBefore,
        int faultsAfter, int runs, boolean budgetExhausted) {}
