package io.schedsim.model.drain;

import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;

/**
 * The node drainer (nomad/drainer): paces migrations of service allocations off draining nodes,
 * stops batch and system allocations at the right moment, and ends drains. It acts through the
 * {@code StateStore} (marks, drain completion) and creates evaluations through the
 * {@code ControlPlane}; the invariants of the drain (INV-3..INV-9) are checked by the state
 * store and the control plane, not trusted to the drainer.
 *
 * <p>Contract: built from a {@code ModelContext}; {@link #start} registers event kinds once; the
 * callbacks come from the control plane on every change a drainer reacts to, after the change.
 */
public interface Drainer {
    /** Registers the drainer's event kinds; called once, when the cluster starts. */
    void start();

    /** A drain strategy was set or updated on {@code node} (N-4). */
    void onDrainSet(Node node);

    /** The drain was cancelled by the operator (N-8). */
    void onDrainCancelled(Node node);

    /**
     * The node was purged (N-20, nomad/drainer/watch_nodes.go: "a deleted node is untracked"):
     * its drain is gone with it; it never completes and none of its allocations is marked any
     * more. The store already cleared the drain; a drainer with its own tracking drops it here.
     */
    default void onNodePurged(Node node) {}

    /** An allocation's client status, health or desired state changed. */
    void onAllocChanged(Alloc alloc);

    /** False while the drainer has work scheduled that may change state (a pending pass). */
    default boolean quiescent() {
        return true;
    }
}
