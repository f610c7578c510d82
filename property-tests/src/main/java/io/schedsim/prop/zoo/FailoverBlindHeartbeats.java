package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.heartbeat.TtlHeartbeats;
import io.schedsim.model.state.Node;

/**
 * Bug 14: the new leader keeps the old leader's heartbeat timers instead of resetting every live
 * node's timer to failover_heartbeat_ttl (N-26; nomad/heartbeat.go initializeHeartbeatTimers).
 * A node that missed a heartbeat just before the election is declared down within seconds of the
 * failover, not failover_heartbeat_ttl after it. Breaks INV-11 (failover clause). Delegates to the
 * correct detector so that nothing else differs.
 */
final class FailoverBlindHeartbeats implements FailureDetector {
    private final TtlHeartbeats delegate;

    FailoverBlindHeartbeats(ModelContext context) {
        this.delegate = new TtlHeartbeats(context);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void onNodeJoined(Node node) {
        delegate.onNodeJoined(node);
    }

    /** The bug: the election is not seen, so no timer gets the failover grace. */
    @Override
    public void onLeaderFailover() {}

    @Override
    public void onNodeStopped(Node node) {
        delegate.onNodeStopped(node);
    }

    @Override
    public void onClockJump(Node node, long deltaNanos) {
        delegate.onClockJump(node, deltaNanos);
    }

    @Override
    public long detectionWindowNanos() {
        return delegate.detectionWindowNanos();
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
