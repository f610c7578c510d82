package io.schedsim.model.state;

import io.schedsim.model.alloc.DesiredStatus;

/**
 * N-27's test of whether a node that missed its heartbeats goes {@code disconnected} rather than
 * down (nomad:nomad/heartbeat.go {@code disconnectState}): it holds at least one allocation the
 * servers want running whose group has lost_after and which has not expired (an unknown one
 * expires at lastUnknown + lost_after, inclusive). The detector decides with it and the online
 * check of INV-15 re-judges the detector's verdict with it.
 */
public final class Disconnects {
    private Disconnects() {}

    /** True if {@code node} goes disconnected, not down, when its heartbeat timer fires now. */
    public static boolean canDisconnect(StateView state, Node node, long nowNanos) {
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() == node.slot() && alloc.desired() == DesiredStatus.RUN
                    && alloc.job().disconnect().enabled()
                    && alloc.unknownExpiresAtNanos() > nowNanos) {
                return true;
            }
        }
        return false;
    }
}
