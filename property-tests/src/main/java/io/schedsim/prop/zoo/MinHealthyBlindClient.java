package io.schedsim.prop.zoo;

import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.state.Alloc;

/**
 * Bug 20: the client's health hook reports an allocation healthy as soon as its tasks run,
 * without waiting min_healthy_time (client/allocrunner/health_hook.go waits for the tasks to
 * stay running that long, N-12). The drainer's pacing then counts replacements healthy too soon.
 * Breaks N-13 (monitor: nomad.HealthDeadlineGuard).
 */
final class MinHealthyBlindClient extends DefaultClient {
    MinHealthyBlindClient(ModelContext context) {
        super(context);
    }

    @Override
    protected long minHealthyTimeMillis(Alloc alloc) {
        return 0;
    }
}
