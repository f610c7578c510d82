package io.schedsim.fault.inject;

import io.schedsim.fault.plan.FaultAction;
import io.schedsim.model.ClusterControl;
import java.util.ArrayList;
import java.util.List;

/** Nodes this plan brought down (host or agent), in the order they went down, until restarted. */
final class DownNodes {
    private final List<Integer> order = new ArrayList<>();

    void add(int node) {
        if (!order.contains(node)) {
            order.add(node);
        }
    }

    void remove(int node) {
        order.remove(Integer.valueOf(node));
    }

    /** The earliest-downed node whose host or agent is still down, or {@code ANY_NODE}. */
    int firstStillDown(ClusterControl control) {
        for (int node : order) {
            if (!control.isHostUp(node) || !control.isAgentUp(node)) {
                return node;
            }
        }
        return FaultAction.ANY_NODE;
    }

    /** Every node still down, in the order they went down. */
    List<Integer> stillDown(ClusterControl control) {
        List<Integer> down = new ArrayList<>();
        for (int node : order) {
            if (!control.isHostUp(node) || !control.isAgentUp(node)) {
                down.add(node);
            }
        }
        return down;
    }
}
