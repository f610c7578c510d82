package io.schedsim.model.state;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.model.node.NodeStatus;

/**
 * The writes only the cluster may make to a node: its ground truth (joins, deaths, restarts,
 * partitions, heartbeat loss and delay, clock drift, and the disturbance record INV-13 reads) and
 * the servers' up/down verdict, which the control plane applies only after its detection checks
 * (INV-11, INV-13). Components never get one: they see a node's life through the store's reads
 * and reach the verdict through the control plane. The cluster creates its store through
 * {@link #create} and keeps the lifecycle to itself.
 */
public final class NodeLifecycle {
    private final StateStore state;

    NodeLifecycle(StateStore state) {
        this.state = state;
    }

    /** A fresh, empty state store and the lifecycle of its nodes, publishing no history. */
    public static NodeLifecycle create(Simulation sim, InvariantMonitor monitor,
            StateListener listener) {
        return create(sim, monitor, listener, new HistoryPort(sim));
    }

    /** A fresh, empty state store and the lifecycle of its nodes, publishing to {@code history}. */
    public static NodeLifecycle create(Simulation sim, InvariantMonitor monitor,
            StateListener listener, HistoryPort history) {
        return new NodeLifecycle(new StateStore(sim, monitor, listener, history));
    }

    /** The store whose nodes this lifecycle writes. */
    public StateStore state() {
        return state;
    }

    /** A node joins under the next slot; {@code replacesSlot} is the slot it replaces, or -1. */
    public Node addNode(long cpuTotalMilli, long memTotalMb, boolean head, int replacesSlot) {
        return addNode(cpuTotalMilli, memTotalMb, head, replacesSlot, NodeAttributes.NONE);
    }

    /** As {@link #addNode(long, long, boolean, int)}, with a class and attributes (N-35). */
    public Node addNode(long cpuTotalMilli, long memTotalMb, boolean head, int replacesSlot,
            NodeAttributes attributes) {
        Node node = new Node(state.nodeSlotCount(), head, cpuTotalMilli, memTotalMb,
                replacesSlot, attributes);
        state.addNode(node);
        return node;
    }

    /**
     * The servers' verdict: the node is down (Nomad) or DEAD (Ray) since {@code nowNanos}, with
     * the servers' event text.
     */
    public void markDown(Node node, long nowNanos, String reason) {
        boolean changed = node.status() != NodeStatus.DOWN;
        node.setStatus(NodeStatus.DOWN, nowNanos);
        if (changed) {
            state.history().status(node, reason);
        }
    }

    /**
     * The servers' verdict: the node missed its heartbeats but holds allocations that may stay
     * unknown (N-27), so it is disconnected, not down.
     */
    public void markDisconnected(Node node, String reason) {
        boolean changed = node.status() != NodeStatus.DISCONNECTED;
        node.setStatus(NodeStatus.DISCONNECTED, -1);
        if (changed) {
            state.history().status(node, reason);
        }
    }

    /**
     * The servers' verdict: the node registered or re-registered (N-28). A purged node's client
     * registers afresh (client/client.go: "node not found" on its heartbeat, so it re-registers):
     * a new node object, eligible and without a drain, published only as its status change.
     */
    public void markReady(Node node) {
        NodeStatus before = node.status();
        boolean fresh = node.purged();
        if (fresh) {
            node.registeredAfterPurge();
        }
        node.setStatus(NodeStatus.READY, -1);
        if (before != NodeStatus.READY) {
            state.history().status(node, fresh ? "Node registered"
                    : before == NodeStatus.DOWN ? "Node reregistered by heartbeat"
                    : before == NodeStatus.DISCONNECTED ? "Node reconnected" : "Node registered");
        }
    }

    /**
     * The operator's {@code nomad node purge} (Node.Deregister, nomad/node_endpoint.go): the
     * servers delete the node and its drain; it reads DOWN until its client registers again.
     * Published before the control plane reacts (its node-update evaluations follow it).
     */
    public void purge(Node node, long nowNanos) {
        node.purge(nowNanos);
        state.history().purged(node);
    }

    public void setHostUp(Node node, boolean up) {
        node.setHostUp(up);
    }

    public void setAgentUp(Node node, boolean up) {
        node.setAgentUp(up);
    }

    /** The node's processes died: events of the life that ended are recognised as stale. */
    public void bumpIncarnation(Node node) {
        node.bumpIncarnation();
    }

    /** When the host or agent died, or -1 once it runs again. */
    public void setDiedAtNanos(Node node, long nanos) {
        node.setDiedAtNanos(nanos);
    }

    /** F-4/F-5: which directions of the node's link to the servers drop every message. */
    public void setPartition(Node node, boolean toServerBlocked, boolean fromServerBlocked) {
        node.setLinks(toServerBlocked, fromServerBlocked);
    }

    public void setHeartbeatLoss(Node node, double lossProbability) {
        node.setHeartbeatLoss(lossProbability);
    }

    public void setHeartbeatExtraDelay(Node node, long extraDelayNanos) {
        node.setHeartbeatExtraDelayNanos(extraDelayNanos);
    }

    public void setClockDrift(Node node, long ratePpm) {
        node.setClockDriftPpm(ratePpm);
    }

    /**
     * Brings the node's disturbance record (INV-13) up to date after a fault changed: disturbed
     * until further notice while a fault lasts, until now once the last one is lifted.
     */
    public void refreshDisturbance(Node node, long nowNanos) {
        if (node.disturbedNow()) {
            node.setDisturbedUntilNanos(SimTime.NEVER);
        } else if (node.disturbedUntilNanos() == SimTime.NEVER) {
            node.setDisturbedUntilNanos(nowNanos);
        }
    }

    /** The node counts as disturbed at least until {@code untilNanos} (an after-effect). */
    public void extendDisturbance(Node node, long untilNanos) {
        node.setDisturbedUntilNanos(Math.max(node.disturbedUntilNanos(), untilNanos));
    }
}
