package io.schedsim.prop.scenario;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.NodeTargets;

/**
 * Checks that a plan from a file names only node slots the run has, before it runs. Actions are
 * counted in time order (the order files are written in); the message names the field of the
 * spec ({@code spec.faultPlan.actions[i]}) and quotes the action, so a hand-edited file in
 * another order still shows which one.
 */
final class PlanNodes {
    private PlanNodes() {}

    /** Throws an {@link InputException} naming the first action field with an unknown slot. */
    static void requireKnown(FaultPlan plan, int nodeSlotCount) {
        for (int index = 0; index < plan.size(); index++) {
            for (NodeTargets.Target target : NodeTargets.of(plan.get(index))) {
                if (target.node() >= nodeSlotCount) {
                    throw new InputException("field 'spec.faultPlan.actions[" + index + "]."
                            + target.field() + "': no node " + target.node() + " in this run "
                            + "(its " + nodeSlotCount + " nodes are 0.." + (nodeSlotCount - 1)
                            + "): " + plan.get(index).describe());
                }
            }
        }
    }
}
