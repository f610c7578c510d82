package io.schedsim.model.state;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeStatus;

/**
 * One node: its capacity, the server's view of it (status, eligibility, drain, usage) and the
 * ground truth the server cannot see (host and agent up, network and clock faults). Fields are
 * written only by model components; faults change them through {@code ClusterControl}.
 */
public final class Node {
    public final int slot;
    public final boolean head;
    public final long cpuTotalMilli;
    public final long memTotalMb;
    /** Which earlier slot this node replaces, or -1 (a restarted node under a new id). */
    public final int replacesSlot;

    public NodeStatus status = NodeStatus.INITIALIZING;
    public boolean eligible = true;

    public boolean draining;
    public long drainDeadlineNanos = SimTime.NEVER;
    public boolean drainIgnoreSystem;
    public long drainStartedNanos;
    public long drainUpdatedNanos;
    public boolean drainDeadlineReached;
    public LastDrainStatus lastDrain = LastDrainStatus.NONE;

    /** Server-side reservations of allocations and task leases on this node. */
    public long cpuUsedMilli;
    public long memUsedMb;

    public boolean hostUp = true;
    public boolean agentUp = true;
    /** Bumped whenever the node's processes die, so events of an earlier life are recognised. */
    public int incarnation;
    public long lastHeartbeatNanos;
    public long downAtNanos = -1;
    /** When the host or agent died (ground truth), or -1; for detection latency. */
    public long diedAtNanos = -1;
    /** End of the last fault touching this node; {@code SimTime.NEVER} while one lasts (INV-13). */
    public long disturbedUntilNanos = Long.MIN_VALUE;

    public boolean blockToServer;
    public boolean blockFromServer;
    public double heartbeatLoss;
    public long heartbeatExtraDelayNanos;
    public long clockDriftPpm;

    public Node(int slot, boolean head, long cpuTotalMilli, long memTotalMb, int replacesSlot) {
        this.slot = slot;
        this.head = head;
        this.cpuTotalMilli = cpuTotalMilli;
        this.memTotalMb = memTotalMb;
        this.replacesSlot = replacesSlot;
    }

    /** Nomad's {@code Node.Ready()}: the placement gate (SEMANTICS §2.1, INV-1). */
    public boolean isReady() {
        return status == NodeStatus.READY && !draining && eligible;
    }

    /** Scheduler-tainted: down, draining or disconnected (scheduler/util.go). */
    public boolean isTainted() {
        return status.isUnresponsive() || draining;
    }

    /** True while a fault condition on this node lasts (ground truth). */
    public boolean disturbedNow() {
        return !hostUp || !agentUp || blockToServer || blockFromServer || heartbeatLoss > 0
                || heartbeatExtraDelayNanos > 0 || clockDriftPpm != 0;
    }

    public boolean fits(long cpuMilli, long memMb) {
        return cpuUsedMilli + cpuMilli <= cpuTotalMilli && memUsedMb + memMb <= memTotalMb;
    }

    public long cpuFreeMilli() {
        return cpuTotalMilli - cpuUsedMilli;
    }

    /** Converts a duration on this node's clock to true simulated time (clock drift). */
    public long localToTrueNanos(long localNanos) {
        return localNanos + localNanos / 1_000_000L * clockDriftPpm;
    }

    @Override
    public String toString() {
        return "node " + slot + (head ? " (head)" : "");
    }
}
