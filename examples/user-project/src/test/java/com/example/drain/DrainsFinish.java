package com.example.drain;

import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;
import io.schedsim.prop.spec.RunView;
import io.schedsim.prop.spec.UserCheck;

/**
 * Our property: once faults have stopped and the cluster has settled, no node is still
 * draining. Our scenario always leaves room to move every allocation, so a drainer that paces
 * correctly ends a drain within seconds, long before any deadline; one still in progress when the
 * run ends is stuck (without a deadline it would never end).
 */
public final class DrainsFinish implements UserCheck {
    @Override
    public String name() {
        return "drains-finish";
    }

    @Override
    public String check(RunView run) {
        StateView state = run.state();
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (node.draining()) {
                return "node " + slot + " is still draining at the end of the run (since "
                        + node.drainStartedNanos() / 1_000_000 + " ms)";
            }
        }
        return null;
    }
}
