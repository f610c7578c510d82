package io.schedsim.prop.zoo;

import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.context.ModelContext;

/**
 * Unhealthy replacements: the client never learns that health checks fail (it drops the
 * unhealthy-allocs fault), so allocations whose checks are critical turn healthy after
 * min_healthy_time and the drainer's pacing moves on past replacements that do not serve. Breaks
 * N-13 (monitor only: nomad.HealthDeadlineGuard judges an allocation that started inside a
 * failing window from the ground-truth health-checks-changed; the model's client is the code
 * under test and has no check of its own here).
 */
final class ChecksIgnoringClient extends DefaultClient {
    ChecksIgnoringClient(ModelContext context) {
        super(context);
    }

    @Override
    public void setHealthChecksFailing(int node, boolean failing) {
        // the broken client ignores the fault
    }
}
