package io.schedsim.model.context;

import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;

/**
 * The control-plane operations a component may call: evaluations for the scheduler, the failure
 * detector's verdicts, and the leader epoch. The cluster implements it; each operation runs the
 * checks and fan-out the real control plane would, so a component cannot skip them.
 *
 * <p>Contract: calls happen on the simulation thread, inside an event handler, after the
 * cluster has started. Node arguments are nodes of this cluster's state store.
 */
public interface ControlPlane {
    /**
     * Creates an evaluation of {@code job} and wakes an idle scheduler worker; coalesced with a
     * pending one of the same job (nomad/eval_broker.go).
     *
     * @param triggeredBy Nomad's trigger text, such as {@code node-drain} or {@code follow-up}
     * @param nodeSlot the node that triggered it, or -1
     */
    void createEval(Job job, String triggeredBy, int nodeSlot);

    /**
     * The failure detector's verdict: the node is down (Nomad) or DEAD (Ray, final). Checked at
     * once against the TTL lower bound (INV-11) and the node's fault record (INV-13); then the
     * node's allocations and Ray tasks are lost through node-update evaluations (N-22, R-10).
     * No-op if the node is already down.
     */
    void markNodeDown(Node node, String reason);

    /**
     * The failure detector's verdict under NOMAD_TTL: the node missed its heartbeats but holds an
     * unexpired allocation whose group has lost_after, so it is disconnected (N-27). Checked at
     * once against that condition (INV-15); then node-update evaluations mark its allocations
     * unknown (N-30). No-op if the node is already disconnected or down.
     */
    void markNodeDisconnected(Node node, String reason);

    /**
     * The failure detector's verdict: the node registered or re-registered (N-28). Ignored for a
     * node that is DEAD under Ray policies, where death is final.
     */
    void markNodeReady(Node node);

    /** Bumped by every leader failover (F-7); a plan made in an earlier epoch is lost. */
    int leaderEpoch();
}
