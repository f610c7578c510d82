package io.schedsim.model.client;

import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;

/**
 * The Nomad client on each node: receives placements and stops from the servers, runs
 * allocations with latency, reports status and health back over the control network. A node
 * whose processes died simply stops: nothing it ran reports again.
 *
 * <p>Contract: built from a {@code ModelContext}; {@link #start} registers event kinds once, when
 * the cluster starts; the other calls come from the control plane. What the client does with an
 * allocation is its own ground truth, which the servers never read: it reaches them only as
 * reports through {@code StateStore.onClientUpdate}, delayed, dropped or duplicated by the
 * control network, where INV-18 checks each transition. A report from a node's earlier life
 * (before its processes died) must never arrive.
 */
public interface ClientAgent {
    /** Registers the client's event kinds; called once, when the cluster starts. */
    void start();

    /** The servers committed a placement; the command travels to the node. */
    void onAllocPlaced(Alloc alloc);

    /** The servers set desired stop (or lost); the client stops it after its stop latency. */
    void onAllocStopped(Alloc alloc);

    /** The node (re-)registered: the client pulls the allocations the servers hold for it. */
    default void onNodeReady(Node node) {}

    /** The node came back under the same identity with empty local state. */
    void onNodeRestarted(Node node);

    /** Fault 9: the first running allocation on the node fails; false if none runs. */
    boolean crashOne(Node node);

    /** Fault 9: run time of batch allocations starting from now on is multiplied by factor. */
    void setSlowdown(double factor);

    /**
     * N-13, unhealthy replacements: while {@code failing}, service allocations that start running
     * on node slot {@code node} (-1: on any node) fail their health checks. The default ignores
     * it, for clients that keep no health of their own.
     */
    default void setHealthChecksFailing(int node, boolean failing) {}

    /**
     * True when nothing is in motion for {@code alloc} on its node: no start or stop still under
     * way there. End-of-run quiescence asks this for each allocation on a node that is up and that
     * the servers see as ready, and checks the servers' view (status running, health set)
     * besides. The default, true, suits a client that keeps no local state beyond its reports.
     */
    default boolean settled(Alloc alloc) {
        return true;
    }
}
