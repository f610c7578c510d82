package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.heartbeat.HealthChecks;

/**
 * Bug 18: a successful health check does not restore the node's failure budget, so failures
 * accumulate over the node's whole life (gcs_health_check_manager.cc resets
 * health_check_remaining_ to the threshold on every success, R-7). A node that missed a check now
 * and then is declared DEAD after non-consecutive failures. Breaks INV-12.
 */
final class NonConsecutiveHealthChecks extends HealthChecks {
    NonConsecutiveHealthChecks(ModelContext context) {
        super(context);
    }

    @Override
    protected int budgetAfterSuccess(int remainingBefore) {
        return remainingBefore;
    }
}
