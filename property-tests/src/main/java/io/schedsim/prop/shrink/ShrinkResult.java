package io.schedsim.prop.shrink;

import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;

/** The smallest failing run found (an explicit plan), its outcome, and what shrinking cost. */
public record ShrinkResult(RunSpec smallest, RunOutcome outcome, int faultsBefore,
        int faultsAfter, int runs, boolean budgetExhausted) {}
