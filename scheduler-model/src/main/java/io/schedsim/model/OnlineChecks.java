package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Disconnects;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;
import it.unimi.dsi.fastutil.ints.IntList;

/**
 * The control plane's own online checks: the failure detector's verdict judged when it is given
 * (INV-11, INV-13), and the timers of the checks that need a deadline (INV-9, INV-12). The state
 * store checks what components write; these check what the control plane decides or fails to.
 */
final class OnlineChecks {
    private final Simulation sim;
    private final ClusterConfig config;
    private final InvariantMonitor monitor;
    private final StateView state;
    private int drainDeadlineKind;
    private int detectionBoundKind;
    private long lastDeadlineBatchNanos = SimTime.NEVER;
    /** When a drain was last set, cancelled or completed normally: drain_heap.go recomputes then. */
    private long lastDrainChangeNanos = Long.MIN_VALUE;

    OnlineChecks(Simulation sim, ClusterConfig config, InvariantMonitor monitor, StateView state) {
        this.sim = sim;
        this.config = config;
        this.monitor = monitor;
        this.state = state;
    }

    /** Registers the timers' event kinds; once, when the cluster starts. */
    void start() {
        drainDeadlineKind = sim.registerKind("inv.drain-deadline", (slot, startedAt) -> {
            Node node = state.node(slot);
            // A drain set again with a later deadline (same start) has its own timer: this one
            // judges only a deadline whose window has passed (chaos-swarm seed 498912).
            if (node.draining() && node.drainStartedNanos() == startedAt
                    && node.drainDeadlineNanos() != SimTime.NEVER
                    && node.drainDeadlineNanos() + deadlineWindowNanos() <= sim.nowNanos()) {
                monitor.violation(Inv.DEADLINE, "drain of " + node
                        + " still set after its deadline and coalesce window");
            }
        });
        detectionBoundKind = sim.registerKind("inv.detection-bound", (slot, diedAt) -> {
            Node node = state.node(slot);
            if (node.diedAtNanos() == diedAt && (!node.hostUp() || !node.agentUp())) {
                if (node.status() != NodeStatus.DOWN) {
                    monitor.violation(Inv.HEALTH_CHECK_DETECTION, node + " died "
                            + SimTime.format(sim.nowNanos() - diedAt)
                            + " ago and is still not DEAD");
                }
            }
        });
    }

    /**
     * INV-8 and N-17 (nomad/drainer/watch_nodes.go Update): after the drainer has seen a drain
     * set or updated, a node with no non-system allocation left that is not client-terminal is
     * no longer draining; INV-9: a drain with a deadline is over by its deadline and the
     * coalesce window.
     */
    void drainSet(Node node) {
        lastDrainChangeNanos = sim.nowNanos();
        if (node.draining() && nothingToDrain(node)) {
            monitor.violation(Inv.COMPLETION_CONDITION, "drain of " + node + " had nothing to"
                    + " drain when it was set, yet did not complete in that step (N-17)");
        }
        if (node.drainDeadlineNanos() != SimTime.NEVER) {
            sim.schedule(node.drainDeadlineNanos() + deadlineWindowNanos(), drainDeadlineKind,
                    node.slot(), node.drainStartedNanos());
        }
    }

    /** INV-9's allowance past a deadline: the coalesce window and one batch update, plus 1 ns. */
    private long deadlineWindowNanos() {
        return SimTime.millis(config.drainDeadlineCoalesceWindowMillis
                + config.drainBatchUpdateIntervalMillis) + 1;
    }

    /**
     * N-22 (nomad/node_endpoint.go {@code createNodeEvals}), read here independently of the
     * scheduler that answered: after a node turned eligible, ready or down, every non-stopped
     * system job has a node-update evaluation, and so has every job with an allocation there
     * that is service and not both server- and client-terminal, or batch and not
     * client-terminal (sysbatch never). A missing one is what left a batch allocation stopped at
     * a drain deadline unmarked on a node that then went down. Extra evaluations are harmless.
     */
    void nodeEvals(Node node, IntList evaluated) {
        for (Job job : state.jobs()) {
            if (evaluated.contains(job.id())) {
                continue;
            }
            if (job.type() == JobType.SYSTEM && !job.stopped()) {
                monitor.violation(Inv.NODE_EVALS, node + " changed with no node-update"
                        + " evaluation of non-stopped system job " + job);
                return;
            }
            for (Alloc alloc : state.allocs().all()) {
                if (alloc.job() != job || alloc.node() != node.slot()) {
                    continue;
                }
                boolean serverStop = alloc.desired().isServerTerminal();
                boolean clientStop = alloc.client().isTerminal();
                boolean owed = job.type() == JobType.SERVICE ? !(serverStop && clientStop)
                        : job.type() == JobType.BATCH && !clientStop;
                if (owed) {
                    monitor.violation(Inv.NODE_EVALS, node + " changed with no node-update"
                            + " evaluation of " + job + ", though " + alloc + " is there");
                    return;
                }
            }
        }
    }

    /**
     * INV-9 with N-19's coalescing (nomad/drainer/drain_heap.go): the first drain to clear at
     * its deadline in an instant must clear at the time the deadline heap names, the latest
     * deadline before the earliest tracked one + the coalesce window (the earliest itself with
     * a window of 0); a force drain clears at once, alone. Judged once per instant, from the
     * drain just ended and the drains still set, before the rest of the batch clears.
     */
    void drainCompleted(Node node) {
        long now = sim.nowNanos();
        if (!node.drainDeadlineReached()) {
            lastDrainChangeNanos = now;
            return;
        }
        if (now == lastDeadlineBatchNanos) {
            return;
        }
        lastDeadlineBatchNanos = now;
        long earliest = node.drainForced() ? Long.MIN_VALUE : node.endedDrainDeadlineNanos();
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node other = state.node(slot);
            if (other.draining() && other.drainDeadlineNanos() != SimTime.NEVER) {
                earliest = Math.min(earliest,
                        other.drainForced() ? Long.MIN_VALUE : other.drainDeadlineNanos());
            }
        }
        if (earliest == Long.MIN_VALUE) {
            return;
        }
        long limit = earliest + SimTime.millis(config.drainDeadlineCoalesceWindowMillis);
        // The latest deadline strictly before the limit (the earliest itself when the window
        // is 0), over this drain and those still set.
        long due = earliest;
        if (node.endedDrainDeadlineNanos() < limit) {
            due = Math.max(due, node.endedDrainDeadlineNanos());
        }
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node other = state.node(slot);
            long deadline = other.drainDeadlineNanos();
            if (other.draining() && deadline != SimTime.NEVER && deadline < limit) {
                due = Math.max(due, deadline);
            }
        }
        // drain_heap.go recomputes its timer whenever a drain is set, cancelled or completes: a
        // due time already past then fires at once (chaos-swarm seed 134884: node 5's drain
        // completed at 242.733 s, leaving node 6's deadline of 241.151 s due at once).
        if (now != Math.max(due, lastDrainChangeNanos)) {
            monitor.violation(Inv.DEADLINE, "drain of " + node + " cleared at its deadline at "
                    + SimTime.format(now) + ", but the deadlines within the coalesce window of "
                    + "the earliest (" + SimTime.format(earliest) + ") fire together at "
                    + SimTime.format(due) + " (N-19)");
        }
    }

    /** A drain was cancelled: the deadline timer is recomputed (N-19). */
    void drainCancelled() {
        lastDrainChangeNanos = sim.nowNanos();
    }

    /** Every allocation on the node is of a system job or client-terminal (N-16). */
    private boolean nothingToDrain(Node node) {
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() == node.slot() && alloc.job().type() != JobType.SYSTEM
                    && !alloc.client().isTerminal()) {
                return false;
            }
        }
        return true;
    }

    /** INV-12: under Ray health checks a dead node is DEAD within the detector's window. */
    void nodeDied(Node node, long detectionWindowNanos) {
        if (config.detector == DetectorPolicy.RAY_HEALTH_CHECK
                && node.status() != NodeStatus.DOWN) {
            sim.scheduleAfter(detectionWindowNanos + 1, detectionBoundKind, node.slot(),
                    node.diedAtNanos());
        }
    }

    /** INV-11 (TTL lower bound) and INV-13 (no false positives) at the moment of detection. */
    void markedDown(Node node, long now, String reason, long detectionWindowNanos) {
        if (config.detector == DetectorPolicy.NOMAD_TTL) {
            long minimum = SimTime.millis(config.minHeartbeatTtlMillis
                    + config.heartbeatGraceMillis);
            if (now - node.lastHeartbeatNanos() < minimum) {
                monitor.violation(Inv.TTL_DETECTION, node + " marked down "
                        + SimTime.format(now - node.lastHeartbeatNanos())
                        + " after its last heartbeat, before ttl + grace");
            }
        }
        boolean disturbed = node.disturbedNow() || node.disturbedUntilNanos() == SimTime.NEVER
                || now - node.disturbedUntilNanos() <= detectionWindowNanos;
        if (!disturbed) {
            monitor.violation(Inv.NO_FALSE_POSITIVES, node + " marked down (" + reason
                    + ") although no fault touched it");
        }
    }

    /**
     * INV-15 and N-27: a disconnected verdict needs an unexpired allocation with lost_after that
     * the servers want running; the detection itself is judged as a down verdict is (INV-11,
     * INV-13).
     */
    void markedDisconnected(Node node, long now, long detectionWindowNanos) {
        if (!Disconnects.canDisconnect(state, node, now)) {
            monitor.violation(Inv.DISCONNECT, node + " marked disconnected although it holds no "
                    + "unexpired allocation with lost_after that should run (N-27)");
        }
        markedDown(node, now, "Node heartbeat missed", detectionWindowNanos);
    }

    /** INV-15, N-27: a node with an unexpired lost_after allocation goes disconnected, not down. */
    void downNotDisconnected(Node node, long now) {
        if (Disconnects.canDisconnect(state, node, now)) {
            monitor.violation(Inv.DISCONNECT, node + " marked down although it holds an "
                    + "unexpired allocation with lost_after that should run: it disconnects (N-27)");
        }
    }
}
