package io.schedsim.model.heartbeat;

import io.schedsim.model.state.Node;

/**
 * Tells the control plane which nodes are gone (SEMANTICS §2.4). Implementations watch nodes
 * through messages on the {@code ControlNetwork} and give their verdicts through the context's
 * {@code ControlPlane.markNodeReady} and {@code markNodeDown}, which check them (INV-11, INV-13);
 * they never read a node's ground truth (host or agent up) except to decide what the node itself
 * does, since a real server cannot see it either.
 *
 * <p>Contract: {@link #start} registers event kinds and is called once, after every initial node
 * exists; {@link #onNodeJoined} is called for each node that registers later (new or restarted).
 */
public interface FailureDetector {
    /** Registers the detector's event kinds and watches every node that exists; called once. */
    void start();

    /** A node registered after {@link #start}: new, replacing another, or restarted. */
    void onNodeJoined(Node node);

    /** A leader election happened (F-7); TTL detectors reset timers to the failover TTL. */
    default void onLeaderFailover() {}

    /**
     * The node's host or agent just stopped: requests that reach it from now on go unanswered.
     * For what the node itself does only, like the other uses of ground truth.
     */
    default void onNodeStopped(Node node) {}

    /**
     * The node was purged (Node.Deregister clears its heartbeat timer): no expiry is due for it;
     * a heartbeat that still arrives registers it again.
     */
    default void onNodePurged(Node node) {}

    /** The node's clock jumped; timers the node itself runs move accordingly. */
    default void onClockJump(Node node, long deltaNanos) {}

    /** Upper bound of the time from a node's last sign of life to its detection, for INV-13. */
    long detectionWindowNanos();

    /** A short name for reports, such as {@code nomad-ttl}. */
    String name();
}
