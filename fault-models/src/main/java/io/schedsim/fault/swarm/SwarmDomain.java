package io.schedsim.fault.swarm;

import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.KillRaylet;
import io.schedsim.fault.plan.NodeTargets;
import io.schedsim.fault.plan.TerminateInstance;

/**
 * The plans a swarm run promises to survive, whether the generator drew them or guided search
 * edited one it drew: every action inside the fault window (the heal phase then lifts what is
 * left and the run has its settle time), every named node a worker of the cluster (never a head,
 * which destructive faults spare), host and agent kills together at most {@code workers - 1}
 * (one worker always survives, as {@link SwarmGenerator} promises), and operator calls only where
 * Nomad jobs run. A plan outside it may fail a correct model for reasons of its own.
 */
public final class SwarmDomain {
    private SwarmDomain() {}

    /** True if {@code plan} lies in the domain of runs described by {@code spec}. */
    public static boolean admits(FaultPlan plan, SwarmSpec spec) {
        int kills = 0;
        for (FaultAction action : plan.actions()) {
            if (action.atMillis() < spec.windowStartMillis()
                    || action.atMillis() >= spec.windowEndMillis()) {
                return false;
            }
            for (NodeTargets.Target target : NodeTargets.of(action)) {
                if (target.node() < 0 || target.node() >= spec.nodeCount()
                        || spec.headSlots().contains(target.node())) {
                    return false;
                }
            }
            if (action instanceof TerminateInstance || action instanceof KillAgent
                    || action instanceof KillRaylet) {
                kills++;
            }
            if ((action instanceof Drain || action instanceof EligibilityFlip)
                    && !spec.nomadJobs()) {
                return false;
            }
        }
        return kills <= spec.workers().size() - 1;
    }
}
