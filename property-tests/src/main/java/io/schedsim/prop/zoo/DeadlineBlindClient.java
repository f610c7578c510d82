package io.schedsim.prop.zoo;

import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.context.ModelContext;

/**
 * Bug 12: the client ignores the migrate block's healthy_deadline and reports every service
 * allocation healthy after min_healthy_time, however late (client/allocrunner/health_hook.go
 * sets it unhealthy at the deadline). The model's behaviour before issue 12. Breaks N-13.
 */
final class DeadlineBlindClient extends DefaultClient {
    DeadlineBlindClient(ModelContext context) {
        super(context);
    }

    @Override
    protected boolean appliesHealthyDeadline() {
        return false;
    }
}
