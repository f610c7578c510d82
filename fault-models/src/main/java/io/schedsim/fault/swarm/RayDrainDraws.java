package io.schedsim.fault.swarm;

import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.api.RayDrainReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the autoscaler's Ray {@code DrainNode} calls, both reasons, most of them episodes
 * in which the instance is terminated after the call, as {@code ray-drain} builds them
 * (ray:python/ray/tests/test_draining.py; F-6, {@code EC2InstanceTerminatorWithGracePeriod},
 * ray#53425): a PREEMPTION notice with a grace deadline and the instance gone after it (a
 * preempted death, R-11: its lost attempts retry for free, R-3), gone before it (an unexpected
 * death), a notice without deadline (never preempted), a notice the instance outlives (the node
 * stays DRAINING, the deadline being only a hint), and IDLE_TERMINATION (refused while the node
 * runs a lease, else DRAINING for good; half of them followed by the instance's termination).
 *
 * <p>A Ray-drained node never takes a lease again (R-17; the model has no drain cancel), so each
 * drained node counts, with host and agent kills, against the {@code workers - 1} nodes the swarm
 * may take away ({@link SwarmGenerator}); its own termination adds nothing, as it names the node
 * already counted ({@link SwarmDomain}). Those terminations are host losses: with the host-loss
 * kind's own, at most {@link SwarmRanges#killsMax()}; an episode past that bound keeps its call
 * and loses its termination.
 */
final class RayDrainDraws {
    /** At most this many workers get an episode. */
    static final int NODES_MAX = 3;
    /** F-6's grace: the EC2 terminator's default notice (ray#53425). */
    static final long DEFAULT_GRACE_MILLIS = 30_000;
    /**
     * Half of the first episodes start this soon after the window opens: a short Ray workload
     * (chaos-swarm's nested tasks are done within about two minutes) is still running then, and
     * a drain of a node that runs nothing tests only the call's answer.
     */
    static final long EARLY_MILLIS = 120_000;
    /** Burst: every episode starts within this span of the first (one spot-market reclaim). */
    static final long BURST_MILLIS = 10_000;
    /** A preempted instance goes within this span after its deadline. */
    static final long AFTER_DEADLINE_MILLIS = 5_000;
    /** An idle-drained instance is given back this long after the call. */
    static final long IDLE_RETURN_MILLIS = 5_000;

    private RayDrainDraws() {}

    /**
     * Episodes on between 1 and {@code min(NODES_MAX, nodesMax)} distinct workers, with at most
     * {@code terminationsMax} instance terminations among them.
     */
    static List<FaultAction> rayDrains(SwarmDraws draws, int nodesMax, int terminationsMax) {
        List<FaultAction> actions = new ArrayList<>();
        double timing = draws.uniform2(0, 1);
        long first = draws.chance(0.5)
                ? draws.near(draws.spec().windowStartMillis(), EARLY_MILLIS) : draws.atMillis();
        long at = first;
        long previousEnd = first;
        boolean firstNode = true;
        int terminations = 0;
        for (int node : draws.someWorkers(Math.min(NODES_MAX, nodesMax))) {
            long grace = draws.chance(0.5) ? DEFAULT_GRACE_MILLIS : draws.uniform(5_000, 60_000);
            if (!firstNode) {
                if (timing < 0.4) {
                    // Burst: one reclaim notices several instances at once.
                    at = draws.near(first, BURST_MILLIS);
                } else if (timing < 0.7) {
                    // Rolling: the next notice comes after the previous instance went, so tasks
                    // retried off one preempted node can be lost again on the next.
                    at = draws.near(previousEnd, grace);
                } else {
                    at = draws.atMillis();
                }
            }
            firstNode = false;
            previousEnd = episode(draws, actions, node, at, grace,
                    terminations < terminationsMax);
            terminations += actions.get(actions.size() - 1) instanceof TerminateInstance ? 1 : 0;
        }
        return actions;
    }

    /**
     * One node's episode at {@code at}: its call and, if {@code mayTerminate}, perhaps the
     * instance's termination. Returns when it ends (the termination, or the call).
     */
    private static long episode(SwarmDraws draws, List<FaultAction> actions, int node, long at,
            long grace, boolean mayTerminate) {
        double shape = draws.uniform2(0, 1);
        long killAt;
        if (shape < 0.5) {
            actions.add(new RayDrain(at, node, RayDrainReason.PREEMPTION, grace));
            killAt = at + grace + draws.uniform(0, AFTER_DEADLINE_MILLIS);
        } else if (shape < 0.65) {
            // Gone before the deadline: an unexpected death
            // (test_node_death_before_draining_deadline).
            actions.add(new RayDrain(at, node, RayDrainReason.PREEMPTION, grace));
            killAt = at + draws.uniform(0, grace);
        } else if (shape < 0.75) {
            actions.add(new RayDrain(at, node, RayDrainReason.PREEMPTION, 0));
            killAt = at + draws.uniform(0, grace);
        } else if (shape < 0.85) {
            // The instance outlives its notice: the deadline is only a hint, the node
            // stays DRAINING.
            actions.add(new RayDrain(at, node, RayDrainReason.PREEMPTION, grace));
            return at;
        } else {
            actions.add(new RayDrain(at, node, RayDrainReason.IDLE_TERMINATION, 0));
            if (!draws.chance(0.5)) {
                return at;
            }
            killAt = at + IDLE_RETURN_MILLIS;
        }
        if (!mayTerminate || killAt >= draws.spec().windowEndMillis()) {
            return at;
        }
        // The slot rule without re-checks: this instance or none (the killer still spares the
        // last eligible worker, SC-1).
        actions.add(TerminateInstance.slot(killAt, node, killAt));
        return killAt;
    }
}
