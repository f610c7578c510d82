package io.schedsim.fault.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every action type answers which node slots it names, by field; rules and ANY_NODE name none. */
class NodeTargetsTest {
    @Test
    void everySampleActionListsItsNamedSlots() {
        List<String> named = new ArrayList<>();
        for (FaultAction action : SampleActions.all()) {
            for (NodeTargets.Target target : NodeTargets.of(action)) {
                named.add(action.kind() + "." + target.field() + "=" + target.node());
            }
        }
        assertEquals(List.of("terminate-instance.victimPick=3", "kill-agent.node=2",
                "kill-raylet.victimPick=2", "restart-node.node=4", "heartbeat-loss.nodes[0]=1", "heartbeat-loss.nodes[1]=3",
                "heartbeat-delay.nodes[0]=2", "partition.nodes[0]=1", "partition.nodes[1]=2",
                "partition.nodes[2]=3", "partition.nodes[0]=5", "partition.nodes[0]=6",
                "eligibility-flip.node=1", "eligibility-flip.node=1", "drain.node=1",
                "drain.node=2", "drain.node=3", "drain.node=1", "drain.node=3",
                "ray-drain.node=2", "ray-drain.node=3", "task-crash.node=2", "task-crash.node=3",
                "task-crash.node=1", "task-crash.node=1", "task-crash.node=2",
                "clock-drift.node=4", "clock-jump.node=4",
                "unhealthy-allocs.nodes[0]=2", "unhealthy-allocs.nodes[1]=4",
                "purge-node.node=2"), named);
    }
}
