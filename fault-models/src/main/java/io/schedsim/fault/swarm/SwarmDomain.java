package io.schedsim.fault.swarm;

import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.JobUpdateAction;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.KillRaylet;
import io.schedsim.fault.plan.NodeTargets;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.TerminateInstance;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plans a swarm run promises to survive, whether the generator drew them or guided search
 * edited one it drew: every action inside the fault window (the heal phase then lifts what is
 * left and the run has its settle time), every named node a worker of the cluster (never a head,
 * which destructive faults spare), at most {@code workers - 1} workers taken away (one worker
 * always survives, as {@link SwarmGenerator} promises), Nomad operator calls only where Nomad
 * jobs run (drains, eligibility calls, job updates) and Ray drains only where Ray tasks run. A plan outside it may fail a correct model
 * for reasons of its own.
 *
 * <p>Taken away: each kill (host, agent or raylet) takes at most one node, and a Ray-drained node
 * never takes a lease again (R-15, R-17; there is no cancel), so it counts too unless a kill
 * names its slot: that kill's node is the drained one, already counted. A node that ends up down
 * was taken by its last kill, and a drained node named by a kill that did not take it down leaves
 * that kill unused, so the count bounds the nodes lost however the kills resolve at fire time.
 */
public final class SwarmDomain {
    private SwarmDomain() {}

    /** True if {@code plan} lies in the domain of runs described by {@code spec}. */
    public static boolean admits(FaultPlan plan, SwarmSpec spec) {
        int kills = 0;
        Set<Integer> rayDrained = new TreeSet<>();
        Set<Integer> namedByKills = new TreeSet<>();
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
                for (NodeTargets.Target target : NodeTargets.of(action)) {
                    namedByKills.add(target.node());
                }
            }
            if (action instanceof RayDrain drain) {
                if (!spec.rayTasks()) {
                    return false;
                }
                rayDrained.add(drain.node());
            }
            if ((action instanceof Drain || action instanceof EligibilityFlip
                    || action instanceof JobUpdateAction || action instanceof NodePurge)
                    && !spec.nomadJobs()) {
                return false;
            }
        }
        rayDrained.removeAll(namedByKills);
        return kills + rayDrained.size() <= spec.workers().size() - 1;
    }
}
