package io.schedsim.prop.zoo;

import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.context.ModelContext;

/**
 * Unhealthy replacements: the client gives up on an allocation whose health checks fail as soon as it runs, and
 * reports it unhealthy at once instead of at healthy_deadline (Nomad's tracker never signals
 * while a check is critical, client/allochealth/tracker.go; only the health hook's deadline sets
 * it unhealthy, client/allocrunner/health_hook.go {@code watchHealth}). The drainer's pacing then
 * moves on early past replacements that never turn healthy. Breaks N-13 (monitor:
 * nomad.HealthDeadlineGuard, unhealthy before placement + healthy_deadline); needs the
 * unhealthy-allocs fault.
 */
final class FailingChecksRushClient extends DefaultClient {
    FailingChecksRushClient(ModelContext context) {
        super(context);
    }

    @Override
    protected boolean waitsHealthyDeadline() {
        return false;
    }
}
