package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.heartbeat.HealthChecks;

/**
 * Bug 19: a successful check resets the budget to threshold − 1 (the check that just succeeded
 * "used" one slot), so after the first success a node is DEAD at the (threshold−1)-th consecutive
 * failure instead of the threshold-th. Breaks INV-12.
 */
final class OffByOneHealthChecks extends HealthChecks {
    OffByOneHealthChecks(ModelContext context) {
        super(context);
    }

    @Override
    protected int budgetAfterSuccess(int remainingBefore) {
        return Math.max(1, threshold() - 1);
    }
}
