package io.schedsim.prop.search.guided;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HealthCheckFailure;
import io.schedsim.history.HeartbeatLossChanged;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.PartitionChanged;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Coverage measures shapes, not just events: non-consecutive check failures reach features that
 * consecutive ones of the same count do not (the near miss of INV-12), two faults overlapping on
 * one node reach features neither reaches alone, a chaos-killer kill while other nodes are down
 * measures how near the killer came to its last worker (INV-20), and the same history always
 * gives the same features.
 */
class CoverageTest {
    private static final long S = 1_000_000_000L;

    @Test
    void nonConsecutiveFailuresReachWhatConsecutiveOnesDoNot() {
        List<HistoryEvent> consecutive = List.of(failed(1), failed(2), failed(3), answered(4));
        List<HistoryEvent> interrupted = List.of(failed(1), failed(2), answered(3), failed(4),
                failed(5), answered(6));
        Set<Integer> once = features(consecutive);
        Set<Integer> twice = features(interrupted);
        assertFalse(once.containsAll(twice), "four failures in two runs of two: " + twice);
    }

    @Test
    void overlappingFaultsOnOneNodeReachPairFeatures() {
        List<HistoryEvent> loss = List.of(new HeartbeatLossChanged(S, 1, 1.0),
                new HeartbeatLossChanged(10 * S, 1, 0));
        List<HistoryEvent> partition = List.of(new PartitionChanged(5 * S, 1, true, false),
                new PartitionChanged(20 * S, 1, false, false));
        List<HistoryEvent> both = List.of(loss.get(0), partition.get(0), loss.get(1),
                partition.get(1));
        Set<Integer> apart = features(loss);
        apart.addAll(features(partition));
        assertFalse(apart.containsAll(features(both)));
    }

    @Test
    void aKillerKillMeasuresTheNodesDownAtIt() {
        List<HistoryEvent> twoDown = List.of(
                new NodeStatusChanged(0, 1, NodeStatus.READY, "registered"),
                new NodeStatusChanged(0, 2, NodeStatus.READY, "registered"),
                new NodeStatusChanged(0, 3, NodeStatus.READY, "registered"),
                new NodeStatusChanged(S, 1, NodeStatus.DOWN, "missed heartbeats"),
                new NodeStatusChanged(2 * S, 2, NodeStatus.DOWN, "missed heartbeats"),
                new HostTerminated(3 * S, 3, true));
        Coverage killer = new Coverage();
        twoDown.forEach(killer::record);
        assertEquals(2, killer.metrics()[Coverage.KILL_WITH_NODES_DOWN]);
        Coverage operator = new Coverage();
        twoDown.subList(0, 5).forEach(operator::record);
        operator.record(new HostTerminated(3 * S, 3, false));
        assertEquals(0, operator.metrics()[Coverage.KILL_WITH_NODES_DOWN],
                "a termination not by the killer says nothing of its floor");
    }

    @Test
    void theSameHistoryGivesTheSameFeatures() {
        List<HistoryEvent> history = List.of(failed(1), new NodeStatusChanged(2 * S, 1,
                NodeStatus.DOWN, "missed heartbeats"), answered(3));
        assertArrayEquals(run(history), run(history));
        assertTrue(run(history).length > 3);
    }

    private static HistoryEvent failed(long second) {
        return new HealthCheckFailed(second * S, 1, HealthCheckFailure.TIMEOUT);
    }

    private static HistoryEvent answered(long second) {
        return new HealthCheckAnswered(second * S, 1);
    }

    private static int[] run(List<HistoryEvent> history) {
        Coverage coverage = new Coverage();
        history.forEach(coverage::record);
        return coverage.features();
    }

    private static Set<Integer> features(List<HistoryEvent> history) {
        return Arrays.stream(run(history)).boxed().collect(Collectors.toSet());
    }
}
