package io.schedsim.model.net;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.state.Node;

/**
 * Delivery of control-plane messages between nodes and the servers. Every send asks here for its
 * one-way delay, or {@link #DROPPED}: a terminated host sends and receives nothing (F-1), a blocked
 * direction drops (F-4, F-5), and heartbeats may be lost or delayed. Draws come from the
 * {@code network} stream only. Components read delays here; the fault settings are changed
 * through {@link StatusUpdateFaults} and the nodes' ground truth, which only the cluster holds.
 */
public final class ControlNetwork {
    public static final long DROPPED = -1;

    private final SimRandom random;
    private final long delayNanosMin;
    private final long delayNanosMax;
    private final StatusUpdateFaults statusFaults;

    public ControlNetwork(ClusterConfig config, SimRandom random, StatusUpdateFaults statusFaults) {
        this.random = random;
        this.statusFaults = statusFaults;
        this.delayNanosMin = SimTime.millis(config.networkDelayMillisMin);
        this.delayNanosMax = SimTime.millis(config.networkDelayMillisMax);
    }

    /** A plain one-way delay, uniform in [min, max]. */
    public long baseDelayNanos() {
        return random.uniformLong(delayNanosMin, delayNanosMax + 1);
    }

    /** A heartbeat or health-check message to ({@code toServer}) or from the server. */
    public long heartbeatDelay(Node node, boolean toServer) {
        if (!linkUp(node, toServer)) {
            return DROPPED;
        }
        if (node.heartbeatLoss() > 0 && random.chance(node.heartbeatLoss())) {
            return DROPPED;
        }
        return baseDelayNanos() + node.heartbeatExtraDelayNanos();
    }

    /** A client status update (node → server), possibly delayed and so reordered. */
    public long statusUpdateDelay(Node node) {
        if (!linkUp(node, true)) {
            return DROPPED;
        }
        long extraMax = statusFaults.maxExtraDelayNanos;
        long extra = extraMax > 0 ? random.nextLong(extraMax) : 0;
        return baseDelayNanos() + extra;
    }

    /** True if this status update is to be delivered twice. */
    public boolean duplicateStatusUpdate() {
        double duplicate = statusFaults.duplicateProbability;
        return duplicate > 0 && random.chance(duplicate);
    }

    /** A command from the server to the node's agent (allocation updates, leases). */
    public long commandDelay(Node node) {
        return linkUp(node, false) ? baseDelayNanos() : DROPPED;
    }

    public boolean linkUp(Node node, boolean toServer) {
        if (!node.hostUp()) {
            return false;
        }
        return toServer ? !node.blockToServer() : !node.blockFromServer();
    }
}
