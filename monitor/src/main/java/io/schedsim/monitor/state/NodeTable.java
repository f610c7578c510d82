package io.schedsim.monitor.state;

import io.schedsim.history.RayDrainReason;
import io.schedsim.history.NodeStatus;
import java.util.Arrays;

/**
 * The monitor's own view of every node, indexed densely in registration order: capacity, the
 * servers' status, eligibility and drain as the history shows them, and the ground truth of the
 * harness (host and agent up). Drain deadlines are computed here from the operator calls (N-4),
 * never taken from the model. Written only by {@link State}; guards read through accessors.
 */
public final class NodeTable {
    private final IdIndex indexById = new IdIndex();
    private int count;
    private int[] id = new int[16];
    private long[] cpuMilli = new long[16];
    private long[] memMb = new long[16];
    private boolean[] head = new boolean[16];
    private long[] registeredAt = new long[16];
    private NodeStatus[] status = new NodeStatus[16];
    private long[] downAt = new long[16];
    private boolean[] eligible = new boolean[16];
    private boolean[] draining = new boolean[16];
    private long[] drainDeadline = new long[16];
    private boolean[] drainIgnoreSystem = new boolean[16];
    private long[] clearedAt = new long[16];
    private long[] clearedDeadline = new long[16];
    private boolean[] clearedIgnoreSystem = new boolean[16];
    private boolean[] hostUp = new boolean[16];
    private boolean[] agentUp = new boolean[16];
    private boolean[] killedEver = new boolean[16];
    private boolean[] deathPreempted = new boolean[16];
    private RayDrainReason[] rayDrainReason = new RayDrainReason[16];
    private long[] rayDrainDeadline = new long[16];
    private boolean[] purged = new boolean[16];
    private long[] purgedAt = new long[16];
    private long[] registeredAgainAt = new long[16];

    /** The index of node {@code nodeId}, or -1 if it never registered. */
    public int index(int nodeId) {
        return indexById.get(nodeId);
    }

    public int count() {
        return count;
    }

    int register(int nodeId, long cpu, long mem, boolean isHead, long now) {
        if (count == id.length) {
            grow();
        }
        int i = count++;
        indexById.put(nodeId, i);
        id[i] = nodeId;
        cpuMilli[i] = cpu;
        memMb[i] = mem;
        head[i] = isHead;
        registeredAt[i] = now;
        status[i] = NodeStatus.INITIALIZING;
        downAt[i] = Time.NOT_YET;
        eligible[i] = true;
        drainDeadline[i] = Time.NEVER;
        rayDrainDeadline[i] = Time.NEVER;
        clearedAt[i] = Time.NOT_YET;
        purgedAt[i] = Time.NOT_YET;
        registeredAgainAt[i] = Time.NOT_YET;
        hostUp[i] = true;
        agentUp[i] = true;
        return i;
    }

    void setStatus(int i, NodeStatus next, long now) {
        if (next == NodeStatus.DOWN && status[i] != NodeStatus.DOWN) {
            downAt[i] = now;
            // preempted iff Ray-draining for PREEMPTION with a deadline that has passed,
            // by our own clock; a Nomad drain has no reason and never counts.
            deathPreempted[i] = rayDrainReason[i] == RayDrainReason.PREEMPTION
                    && rayDrainDeadline[i] != Time.NEVER && rayDrainDeadline[i] <= now;
        }
        if (purged[i] && next == NodeStatus.READY) {
            // A purged node's client registers afresh: a new node object, eligible, no drain.
            purged[i] = false;
            eligible[i] = true;
            registeredAgainAt[i] = now;
        }
        status[i] = next;
    }

    /**
     * N-20, N-31: the servers deleted the node (node-purged). It reads DOWN from now until it
     * registers again; its drain is dropped, not cleared (no clear time: nothing after the purge
     * belongs to it).
     */
    void purge(int i, long now) {
        setStatus(i, NodeStatus.DOWN, now);
        purged[i] = true;
        purgedAt[i] = now;
        draining[i] = false;
        drainDeadline[i] = Time.NEVER;
    }

    /** True from a node-purged until the node registers again (node-status-changed ready). */
    public boolean purged(int i) {
        return purged[i];
    }

    /** When the node was last purged, or {@link Time#NOT_YET}. */
    public long purgedAt(int i) {
        return purgedAt[i];
    }

    /** When the node last registered again after a purge, or {@link Time#NOT_YET}. */
    public long registeredAgainAt(int i) {
        return registeredAgainAt[i];
    }

    void setEligible(int i, boolean value) {
        eligible[i] = value;
    }

    /** N-4: the first set starts the drain; every update recomputes the deadline from now. */
    void setDrain(int i, long deadlineNanos, boolean ignoreSystem) {
        draining[i] = true;
        drainDeadline[i] = deadlineNanos;
        drainIgnoreSystem[i] = ignoreSystem;
    }

    /** an accepted Ray drain; a later one replaces reason and deadline. */
    void setRayDrain(int i, RayDrainReason reason, long deadlineNanos) {
        rayDrainReason[i] = reason;
        rayDrainDeadline[i] = deadlineNanos;
    }

    /** True once a Ray drain was accepted on the node (R-15: DRAINING until it dies). */
    public boolean rayDraining(int i) {
        return rayDrainReason[i] != null;
    }

    void clearDrain(int i, long now) {
        clearedAt[i] = now;
        clearedDeadline[i] = drainDeadline[i];
        clearedIgnoreSystem[i] = drainIgnoreSystem[i];
        draining[i] = false;
        drainDeadline[i] = Time.NEVER;
    }

    void setHostUp(int i, boolean up) {
        hostUp[i] = up;
        killedEver[i] |= !up;
    }

    void setAgentUp(int i, boolean up) {
        agentUp[i] = up;
        killedEver[i] |= !up;
    }

    public int id(int i) {
        return id[i];
    }

    public long cpuMilli(int i) {
        return cpuMilli[i];
    }

    public long memMb(int i) {
        return memMb[i];
    }

    public boolean head(int i) {
        return head[i];
    }

    public long registeredAt(int i) {
        return registeredAt[i];
    }

    public NodeStatus status(int i) {
        return status[i];
    }

    public boolean down(int i) {
        return status[i] == NodeStatus.DOWN;
    }

    /** Down or disconnected: the servers get nothing from it (SEMANTICS §2.1). */
    public boolean unresponsive(int i) {
        return status[i] == NodeStatus.DOWN || status[i] == NodeStatus.DISCONNECTED;
    }

    /** When the node last turned DOWN, or {@link Time#NOT_YET}. */
    public long downAt(int i) {
        return downAt[i];
    }

    public boolean eligible(int i) {
        return eligible[i];
    }

    public boolean draining(int i) {
        return draining[i];
    }

    /** The drain's deadline by the monitor's clock; {@link Time#NEVER} without one. */
    public long drainDeadline(int i) {
        return drainDeadline[i];
    }

    public boolean drainIgnoreSystem(int i) {
        return drainIgnoreSystem[i];
    }

    /** Nomad's {@code Node.Ready()}: ready, not draining, eligible (SEMANTICS §2.1). */
    public boolean ready(int i) {
        return status[i] == NodeStatus.READY && !draining[i] && eligible[i];
    }

    /** A drain is set now, or was cleared at {@code now}: marks of its final step belong to it. */
    public boolean drainInStep(int i, long now) {
        return draining[i] || clearedAt[i] == now;
    }

    /** The deadline of the drain of {@link #drainInStep}. */
    public long stepDeadline(int i) {
        return draining[i] ? drainDeadline[i] : clearedDeadline[i];
    }

    /** Whether the drain of {@link #drainInStep} ignores system jobs. */
    public boolean stepIgnoreSystem(int i) {
        return draining[i] ? drainIgnoreSystem[i] : clearedIgnoreSystem[i];
    }

    /** When the last drain cleared, or {@link Time#NOT_YET}. */
    public long clearedAt(int i) {
        return clearedAt[i];
    }

    /** Ground truth: host and agent both up. */
    public boolean alive(int i) {
        return hostUp[i] && agentUp[i];
    }

    public boolean hostUp(int i) {
        return hostUp[i];
    }

    public boolean killedEver(int i) {
        return killedEver[i];
    }

    /**
     * R-11, judged when the node turned DOWN: it was Ray-draining for PREEMPTION past its
     * deadline (AUTOSCALER_DRAIN_PREEMPTED).
     */
    public boolean deathPreempted(int i) {
        return deathPreempted[i];
    }

    private void grow() {
        int n = id.length * 2;
        id = Arrays.copyOf(id, n);
        cpuMilli = Arrays.copyOf(cpuMilli, n);
        memMb = Arrays.copyOf(memMb, n);
        head = Arrays.copyOf(head, n);
        registeredAt = Arrays.copyOf(registeredAt, n);
        status = Arrays.copyOf(status, n);
        downAt = Arrays.copyOf(downAt, n);
        eligible = Arrays.copyOf(eligible, n);
        draining = Arrays.copyOf(draining, n);
        drainDeadline = Arrays.copyOf(drainDeadline, n);
        drainIgnoreSystem = Arrays.copyOf(drainIgnoreSystem, n);
        clearedAt = Arrays.copyOf(clearedAt, n);
        clearedDeadline = Arrays.copyOf(clearedDeadline, n);
        clearedIgnoreSystem = Arrays.copyOf(clearedIgnoreSystem, n);
        hostUp = Arrays.copyOf(hostUp, n);
        agentUp = Arrays.copyOf(agentUp, n);
        killedEver = Arrays.copyOf(killedEver, n);
        deathPreempted = Arrays.copyOf(deathPreempted, n);
        rayDrainReason = Arrays.copyOf(rayDrainReason, n);
        rayDrainDeadline = Arrays.copyOf(rayDrainDeadline, n);
        purged = Arrays.copyOf(purged, n);
        purgedAt = Arrays.copyOf(purgedAt, n);
        registeredAgainAt = Arrays.copyOf(registeredAgainAt, n);
    }
}
