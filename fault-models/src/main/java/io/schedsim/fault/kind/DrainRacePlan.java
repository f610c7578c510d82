package io.schedsim.fault.kind;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * SC-2/SC-2b as a plan: drain {@code drainedNode} with the CLI default deadline (1 h) and
 * {@code -ignore-system}, then {@code flipCount} operator eligibility calls at uniform instants of
 * the race window on random nodes, the drained node half of the time (N-21: setting it eligible
 * while it drains must be rejected with no change).
 */
public final class DrainRacePlan {
    /** The CLI's default drain deadline (N-1). */
    public static final long DEFAULT_DEADLINE_MILLIS = 3_600_000;

    private DrainRacePlan() {}

    public static FaultPlan generate(SimRandom faults, int drainedNode, List<Integer> otherNodes,
            long drainAtMillis, long raceWindowMillis, int flipCount) {
        if (raceWindowMillis <= 0 || flipCount < 0) {
            throw new IllegalArgumentException("race window must be > 0 and flip count >= 0");
        }
        List<FaultAction> actions = new ArrayList<>(flipCount + 1);
        actions.add(Drain.deadline(drainAtMillis, drainedNode, DEFAULT_DEADLINE_MILLIS, true));
        for (int i = 0; i < flipCount; i++) {
            long atMillis = drainAtMillis + faults.nextLong(raceWindowMillis);
            boolean onDrained = otherNodes.isEmpty() || faults.chance(0.5);
            int node = onDrained ? drainedNode : otherNodes.get(faults.nextInt(otherNodes.size()));
            actions.add(new EligibilityFlip(atMillis, node, faults.chance(0.5)));
        }
        return new FaultPlan(actions);
    }
}
