package io.schedsim.model.task;

import io.schedsim.core.event.Simulation;
import io.schedsim.model.placement.RayRequest;
import io.schedsim.model.placement.RayStrategy;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * R-14's soft NODE_AFFINITY, judged online: a lease off the target is excused if the target
 * could not be used at some time since the attempt was submitted. So each attempt's submission
 * time is kept, with the target's state then, and the last time the target stopped being usable
 * (its DEAD verdict, a restart, a drain or anything else that made it unschedulable).
 */
final class AffinityWatch {
    private final StateStore state;
    private final Simulation sim;
    private final RayRequest request;
    private final boolean soft;
    /** Per entry: when its current attempt was submitted, or -1 if the target was unusable. */
    private final long[] usableSinceNanos;
    private long lastUnusableNanos = -1;

    AffinityWatch(StateStore state, Simulation sim, RayRequest request, int entries) {
        this.state = state;
        this.sim = sim;
        this.request = request;
        this.soft = request.strategy() == RayStrategy.NODE_AFFINITY && request.soft();
        this.usableSinceNanos = new long[soft ? entries : 0];
    }

    /** The entry's new attempt was submitted now. */
    void attemptSubmitted(int e) {
        if (soft) {
            usableSinceNanos[e] = targetUsable() ? sim.nowNanos() : -1;
        }
    }

    /** The node changed in a way that may make it unusable. */
    void nodeChanged(Node node) {
        if (soft && node.slot() == request.targetSlot() && !targetUsable()) {
            lastUnusableNanos = sim.nowNanos();
        }
    }

    /**
     * True if a lease of the entry's attempt off the target breaks R-14: the target is usable
     * now and was at every change since the attempt was submitted.
     */
    boolean offTargetUnexcused(int e) {
        if (!soft || !targetUsable()) {
            return false;
        }
        long since = usableSinceNanos[e];
        return since >= 0 && lastUnusableNanos < since;
    }

    private boolean targetUsable() {
        return request.usableTarget(state) != null;
    }
}
