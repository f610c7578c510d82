package io.schedsim.model.state;

import io.schedsim.model.api.RayDrainReason;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.model.node.NodeStatus;

/**
 * One node: its capacity, the servers' view of it (status, eligibility, drain, usage) and the
 * ground truth the servers cannot see (host and agent up, network and clock faults). Read-only
 * outside this package: the {@link StateStore} changes the servers' view and {@link NodeLifecycle}
 * the ground truth, each at the operation that checks the change.
 */
public final class Node {
    private final int slot;
    private final boolean head;
    private final long cpuTotalMilli;
    private final long memTotalMb;
    private final int replacesSlot;
    private final NodeAttributes attributes;

    private NodeStatus status = NodeStatus.INITIALIZING;
    private boolean eligible = true;
    private long lastHeartbeatNanos;
    private long downAtNanos = -1;
    private boolean purged;
    private long purgedAtNanos = -1;

    private boolean draining;
    private long drainDeadlineNanos = SimTime.NEVER;
    private boolean drainIgnoreSystem;
    private long drainStartedNanos;
    private long drainUpdatedNanos;
    private boolean drainDeadlineReached;
    private boolean drainForced;
    private RayDrainReason rayDrainReason;
    private long rayDrainDeadlineNanos = SimTime.NEVER;
    private long endedDrainDeadlineNanos = SimTime.NEVER;
    private LastDrainStatus lastDrain = LastDrainStatus.NONE;

    private long cpuUsedMilli;
    private long memUsedMb;
    /** Memory Ray leases hold: Ray's logical memory resource, the one in its score. */
    private long rayMemUsedMb;
    /** Ray custom resources, in name order; empty arrays on most nodes. */
    private final String[] customNames;
    private final long[] customTotalMilli;
    private final long[] customUsedMilli;

    private boolean hostUp = true;
    private boolean agentUp = true;
    private int incarnation;
    private long diedAtNanos = -1;
    private long disturbedUntilNanos = Long.MIN_VALUE;
    private boolean blockToServer;
    private boolean blockFromServer;
    private double heartbeatLoss;
    private long heartbeatExtraDelayNanos;
    private long clockDriftPpm;

    Node(int slot, boolean head, long cpuTotalMilli, long memTotalMb, int replacesSlot) {
        this(slot, head, cpuTotalMilli, memTotalMb, replacesSlot, NodeAttributes.NONE);
    }

    Node(int slot, boolean head, long cpuTotalMilli, long memTotalMb, int replacesSlot,
            NodeAttributes attributes) {
        this.slot = slot;
        this.attributes = attributes;
        this.head = head;
        this.cpuTotalMilli = cpuTotalMilli;
        this.memTotalMb = memTotalMb;
        this.replacesSlot = replacesSlot;
        int n = attributes.rayResourcesMilli().size();
        this.customNames = attributes.rayResourcesMilli().keySet().toArray(new String[n]);
        this.customTotalMilli = new long[n];
        this.customUsedMilli = new long[n];
        for (int i = 0; i < n; i++) {
            customTotalMilli[i] = attributes.rayResourcesMilli().get(customNames[i]);
        }
    }

    public int slot() {
        return slot;
    }

    /** The head node: Ray's head, where the driver runs; never a victim of the chaos killer. */
    public boolean head() {
        return head;
    }

    public long cpuTotalMilli() {
        return cpuTotalMilli;
    }

    public long memTotalMb() {
        return memTotalMb;
    }

    /** Node class and attributes, fixed for the node's life; constraints read them (N-35). */
    public NodeAttributes attributes() {
        return attributes;
    }

    /** Which earlier slot this node replaces, or -1 (a restarted node under a new id). */
    public int replacesSlot() {
        return replacesSlot;
    }

    /** Status in the servers' view; DOWN is Ray's DEAD under Ray policies. */
    public NodeStatus status() {
        return status;
    }

    public boolean eligible() {
        return eligible;
    }

    /** When the servers last received a heartbeat from the node (Nomad TTL detection). */
    public long lastHeartbeatNanos() {
        return lastHeartbeatNanos;
    }

    /** When the servers marked the node down, or -1 while it is not down. */
    public long downAtNanos() {
        return downAtNanos;
    }

    /**
     * True from a purge ({@code nomad node purge}) until the node registers again: the servers
     * hold no node object, so the scheduler finds it missing (a GC'd node, N-31) and its status
     * reads DOWN.
     */
    public boolean purged() {
        return purged;
    }

    /** When the node was last purged, or -1 if never; kept after it registers again. */
    public long purgedAtNanos() {
        return purgedAtNanos;
    }

    /** True while a drain strategy is set on the node. */
    public boolean draining() {
        return draining;
    }

    /** The drain's deadline, {@code SimTime.NEVER} without one (or without a drain). */
    public long drainDeadlineNanos() {
        return drainDeadlineNanos;
    }

    public boolean drainIgnoreSystem() {
        return drainIgnoreSystem;
    }

    public long drainStartedNanos() {
        return drainStartedNanos;
    }

    public long drainUpdatedNanos() {
        return drainUpdatedNanos;
    }

    /** True if the drain (current or last) was set with force: its deadline was its call time. */
    public boolean drainForced() {
        return drainForced;
    }

    /** The deadline the last ended drain had, {@code SimTime.NEVER} if none (or none ended). */
    public long endedDrainDeadlineNanos() {
        return endedDrainDeadlineNanos;
    }

    /** True if the last drain ended at its deadline rather than with its allocations done. */
    public boolean drainDeadlineReached() {
        return drainDeadlineReached;
    }

    public LastDrainStatus lastDrain() {
        return lastDrain;
    }

    /** Server-side reservations of allocations and task leases on this node. */
    public long cpuUsedMilli() {
        return cpuUsedMilli;
    }

    public long memUsedMb() {
        return memUsedMb;
    }

    /** Ground truth: the host runs (not terminated). */
    public boolean hostUp() {
        return hostUp;
    }

    /** Ground truth: the node agent (Nomad client, raylet) runs. */
    public boolean agentUp() {
        return agentUp;
    }

    /** Bumped whenever the node's processes die, so events of an earlier life are recognised. */
    public int incarnation() {
        return incarnation;
    }

    /** When the host or agent died (ground truth), or -1; for detection latency. */
    public long diedAtNanos() {
        return diedAtNanos;
    }

    /** End of the last fault touching this node; {@code SimTime.NEVER} while one lasts (INV-13). */
    public long disturbedUntilNanos() {
        return disturbedUntilNanos;
    }

    public boolean blockToServer() {
        return blockToServer;
    }

    public boolean blockFromServer() {
        return blockFromServer;
    }

    /** Probability that a heartbeat or health-check message of this node is lost. */
    public double heartbeatLoss() {
        return heartbeatLoss;
    }

    public long heartbeatExtraDelayNanos() {
        return heartbeatExtraDelayNanos;
    }

    public long clockDriftPpm() {
        return clockDriftPpm;
    }

    /** Nomad's {@code Node.Ready()}: the placement gate (SEMANTICS §2.1, INV-1). */
    public boolean isReady() {
        return status == NodeStatus.READY && !draining && eligible;
    }

    /**
     * Ray's placement gate: ALIVE, not DRAINING (a Ray drain, or a Nomad drain of a shared
     * node), and with CPU to lease.
     */
    public boolean isRaySchedulable() {
        return status == NodeStatus.READY && !draining && rayDrainReason == null
                && cpuTotalMilli > 0;
    }

    /** True once a Ray drain was accepted: DRAINING until the node dies. */
    public boolean rayDraining() {
        return rayDrainReason != null;
    }

    /** The accepted Ray drain's reason, or null without one. */
    public RayDrainReason rayDrainReason() {
        return rayDrainReason;
    }

    /** The accepted Ray drain's deadline (a hint, R-15), {@code SimTime.NEVER} without one. */
    public long rayDrainDeadlineNanos() {
        return rayDrainDeadlineNanos;
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

    /** Memory not reserved by anyone, Nomad allocations and Ray leases alike. */
    public long memFreeMb() {
        return memTotalMb - memUsedMb;
    }

    /** Memory reserved by Ray leases only (Ray's logical {@code memory} resource, R-12). */
    public long rayMemUsedMb() {
        return rayMemUsedMb;
    }

    /** Index of custom resource {@code name} on this node, or -1 if it has none of it. */
    public int customIndex(String name) {
        for (int i = 0; i < customNames.length; i++) {
            if (customNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Capacity of custom resource {@code name}, thousandths of a unit; 0 if it has none. */
    public long customTotalMilli(String name) {
        int i = customIndex(name);
        return i < 0 ? 0 : customTotalMilli[i];
    }

    /** Unreserved custom resource {@code name}, thousandths of a unit; 0 if it has none. */
    public long customFreeMilli(String name) {
        int i = customIndex(name);
        return i < 0 ? 0 : customTotalMilli[i] - customUsedMilli[i];
    }

    /** Reserved custom resource {@code name}, thousandths of a unit. */
    public long customUsedMilli(String name) {
        int i = customIndex(name);
        return i < 0 ? 0 : customUsedMilli[i];
    }

    /** Converts a duration on this node's clock to true simulated time (clock drift). */
    public long localToTrueNanos(long localNanos) {
        return localNanos + localNanos / 1_000_000L * clockDriftPpm;
    }

    @Override
    public String toString() {
        return "node " + slot + (head ? " (head)" : "");
    }

    void setStatus(NodeStatus status, long downAtNanos) {
        this.status = status;
        this.downAtNanos = downAtNanos;
    }

    /**
     * Node.Deregister (nomad/node_endpoint.go): the node object is deleted, and its drain with it
     * (the drainer untracks a deleted node, N-20); it reads DOWN since {@code nowNanos}.
     */
    void purge(long nowNanos) {
        purged = true;
        purgedAtNanos = nowNanos;
        setStatus(NodeStatus.DOWN, nowNanos);
        if (draining) {
            draining = false;
            endedDrainDeadlineNanos = drainDeadlineNanos;
            drainDeadlineNanos = SimTime.NEVER;
            lastDrain = LastDrainStatus.NONE;
            drainUpdatedNanos = nowNanos;
        }
    }

    /** A purged node's client registers again: a fresh node object, eligible and undrained. */
    void registeredAfterPurge() {
        purged = false;
        eligible = true;
    }

    void setEligible(boolean eligible) {
        this.eligible = eligible;
    }

    void setLastHeartbeatNanos(long nowNanos) {
        this.lastHeartbeatNanos = nowNanos;
    }

    /** A Ray drain was accepted; a later one replaces reason and deadline. */
    void rayDrainSet(RayDrainReason reason, long deadlineNanos) {
        this.rayDrainReason = reason;
        this.rayDrainDeadlineNanos = deadlineNanos;
    }

    /** A drain is set or updated: its start stays that of the first request (N-4). */
    void drainSet(long nowNanos, boolean ignoreSystem, long deadlineNanos) {
        if (!draining) {
            drainStartedNanos = nowNanos;
        }
        draining = true;
        drainIgnoreSystem = ignoreSystem;
        drainUpdatedNanos = nowNanos;
        drainDeadlineReached = false;
        lastDrain = LastDrainStatus.DRAINING;
        drainDeadlineNanos = deadlineNanos;
        // Only force gives a deadline equal to the call time (N-4); a positive one lies ahead.
        drainForced = deadlineNanos == nowNanos;
    }

    /** The drain is over ({@code outcome} COMPLETE or CANCELED). */
    void drainEnded(LastDrainStatus outcome, long nowNanos) {
        draining = false;
        endedDrainDeadlineNanos = drainDeadlineNanos;
        drainDeadlineNanos = SimTime.NEVER;
        lastDrain = outcome;
        drainUpdatedNanos = nowNanos;
    }

    void setDrainDeadlineReached(boolean reached) {
        this.drainDeadlineReached = reached;
    }

    void addUsage(long cpuMilli, long memMb) {
        cpuUsedMilli += cpuMilli;
        memUsedMb += memMb;
    }

    /**
     * A Ray lease's memory and custom resource, beside its CPU and memory in {@link #addUsage}.
     * False if the node has none of {@code resource} (nothing is changed then).
     */
    boolean addRayUsage(long memMb, String resource, long resourceMilli) {
        rayMemUsedMb += memMb;
        if (resourceMilli == 0) {
            return true;
        }
        int i = customIndex(resource);
        if (i < 0) {
            return false;
        }
        customUsedMilli[i] += resourceMilli;
        return true;
    }

    void setHostUp(boolean up) {
        this.hostUp = up;
    }

    void setAgentUp(boolean up) {
        this.agentUp = up;
    }

    void bumpIncarnation() {
        incarnation++;
    }

    void setDiedAtNanos(long nanos) {
        this.diedAtNanos = nanos;
    }

    void setDisturbedUntilNanos(long nanos) {
        this.disturbedUntilNanos = nanos;
    }

    void setLinks(boolean toServerBlocked, boolean fromServerBlocked) {
        this.blockToServer = toServerBlocked;
        this.blockFromServer = fromServerBlocked;
    }

    void setHeartbeatLoss(double lossProbability) {
        this.heartbeatLoss = lossProbability;
    }

    void setHeartbeatExtraDelayNanos(long nanos) {
        this.heartbeatExtraDelayNanos = nanos;
    }

    void setClockDriftPpm(long ratePpm) {
        this.clockDriftPpm = ratePpm;
    }
}
