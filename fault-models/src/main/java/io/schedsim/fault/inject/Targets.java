package io.schedsim.fault.inject;

import io.schedsim.model.ClusterControl;

/** Checks of a target node against the live cluster at fire time. */
final class Targets {
    static final String NO_SUCH_NODE = "no such node";
    static final String HOST_DOWN = "node already terminated";
    static final String AGENT_DOWN = "agent already down";

    private Targets() {}

    static boolean exists(ClusterControl control, int node) {
        return node >= 0 && node < control.nodeSlotCount();
    }

    /** Why a fault cannot act on the node's host, or null if it can. */
    static String hostUnavailable(ClusterControl control, int node) {
        if (!exists(control, node)) {
            return NO_SUCH_NODE;
        }
        return control.isHostUp(node) ? null : HOST_DOWN;
    }

    /** Why a fault cannot act on the node's agent (and its work), or null if it can. */
    static String agentUnavailable(ClusterControl control, int node) {
        String hostReason = hostUnavailable(control, node);
        if (hostReason != null) {
            return hostReason;
        }
        return control.isAgentUp(node) ? null : AGENT_DOWN;
    }
}
