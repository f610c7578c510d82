package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.heartbeat.RayHeartbeats;

/**
 * The GCS sets a node's count to num_heartbeats_timeout − 1 on registration and on each
 * heartbeat (as if the heartbeat's own period were already spent), so a node is DEAD one GCS
 * period early: (timeout − 2) to (timeout − 1) periods after its last heartbeat instead of
 * (timeout − 1) to timeout.
 */
final class OffByOneLegacyHeartbeats extends RayHeartbeats {
    OffByOneLegacyHeartbeats(ModelContext context) {
        super(context);
    }

    @Override
    protected int countAfterHeartbeat() {
        return Math.max(1, timeout() - 1);
    }
}
