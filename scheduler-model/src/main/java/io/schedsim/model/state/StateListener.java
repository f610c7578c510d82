package io.schedsim.model.state;

import io.schedsim.model.node.NodeEvent;

/**
 * What the {@link StateStore} reports after each change it commits, so that the control plane can
 * react (create evaluations, tell the client, re-rank nodes for Ray, wake the drainer). The store
 * never calls a component itself; the cluster implements this and fans each report out in a fixed
 * order, which the traces depend on.
 *
 * <p>Contract: every call happens on the simulation thread, inside the store operation that made
 * the change and after the change is visible; an implementation may call back into the store.
 */
public interface StateListener {
    /** A job was registered; it needs its first evaluation. */
    void onJobRegistered(Job job);

    /** A job got a new version or was stopped (N-36); it needs an evaluation. */
    default void onJobUpdated(Job job) {
        onJobRegistered(job);
    }

    /** A reservation on the node grew. */
    void onReserved(Node node);

    /** A reservation on the node shrank: capacity freed, evaluations blocked on it may fit. */
    void onReleased(Node node);

    /**
     * An allocation's reservation left the node (after {@link #onReleased}): work waiting outside
     * Nomad's scheduler, Ray's tasks, may fit now.
     */
    void onAllocResourcesFreed(Node node);

    /** A new allocation was committed; the command to start it goes to its node. */
    void onAllocPlaced(Alloc alloc);

    /** The servers stopped an allocation (or marked it lost); the stop goes to its node. */
    void onAllocStopped(Alloc alloc);

    /** An allocation's client status, health or desired state changed. */
    void onAllocChanged(Alloc alloc);

    /**
     * A client report moved {@code alloc} out of {@code unknown}: its client is back (N-30), so
     * its job is evaluated again and the reconcile strategy settles it against its replacement.
     */
    default void onAllocReconnected(Alloc alloc) {}

    /** The node turned eligible: its evaluations and blocked ones are due. */
    void onNodeBecameEligible(Node node);

    /** A drain strategy was set or updated on the node (N-4). */
    void onDrainSet(Node node);

    /** The operator cancelled the node's drain (N-8). */
    void onDrainCancelled(Node node);

    /** The drainer completed the node's drain after {@code drainNanos}. */
    void onDrainCompleted(Node node, long drainNanos);

    /** A change in the node's life for its history (cold path: status, eligibility, drains). */
    void onNodeEvent(Node node, NodeEvent.Kind kind, String detail);
}
