package io.schedsim.prop.search.guided;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DrainCompleted;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HealthCheckFailure;
import io.schedsim.history.HeartbeatLossChanged;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.NodePurged;
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
 * measures how near the killer came to its last worker (INV-20), a deadline firing beside
 * another drain's measures the gap (INV-9), and the same history always gives the same
 * features.
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
        long focus = killer.focus()[Coverage.KILL_WITH_NODES_DOWN];
        assertEquals(-1, Coverage.focusNode(focus), "other nodes must be down: no node");
        assertEquals(3_000, Coverage.focusAtMillis(focus), "when it took it");
        assertEquals(-1, killer.focus()[Coverage.FIRE_BESIDE_DEADLINE], "never raised: no focus");
        Coverage operator = new Coverage();
        twoDown.subList(0, 5).forEach(operator::record);
        operator.record(new HostTerminated(3 * S, 3, false));
        assertEquals(0, operator.metrics()[Coverage.KILL_WITH_NODES_DOWN],
                "a termination not by the killer says nothing of its floor");
    }

    @Test
    void aDeadlineFiringBesideAnotherDrainsMeasuresTheGap() {
        Coverage near = drains(7_000, 8_000);
        Coverage far = drains(7_000, 30_000);
        long nearGap = Coverage.FIRE_GAP_TENTHS - near.metrics()[Coverage.FIRE_BESIDE_DEADLINE];
        long farGap = Coverage.FIRE_GAP_TENTHS - far.metrics()[Coverage.FIRE_BESIDE_DEADLINE];
        assertEquals(10, nearGap, "deadlines 1 s apart");
        long focus = near.focus()[Coverage.FIRE_BESIDE_DEADLINE];
        assertEquals(2, Coverage.focusNode(focus), "the other drain, whose deadline must move");
        assertEquals(7_000, Coverage.focusAtMillis(focus), "to the instant the first one fired");
        assertEquals(230, farGap, "deadlines 23 s apart");
        Coverage cancelled = new Coverage();
        cancelled.record(new DrainSetCall(0, 1, 7_000, false, false, true, "ok"));
        cancelled.record(new DrainSetCall(0, 2, 8_000, false, false, true, "ok"));
        cancelled.record(new DrainCompleted(S, 2, false));
        cancelled.record(new DrainCompleted(7 * S, 1, true));
        assertEquals(0, cancelled.metrics()[Coverage.FIRE_BESIDE_DEADLINE],
                "a drain done before its deadline is no longer due");
        Coverage purged = new Coverage();
        purged.record(new DrainSetCall(0, 1, 7_000, false, false, true, "ok"));
        purged.record(new DrainSetCall(0, 2, 8_000, false, false, true, "ok"));
        purged.record(new NodePurged(S, 2));
        purged.record(new DrainCompleted(7 * S, 1, true));
        assertEquals(0, purged.metrics()[Coverage.FIRE_BESIDE_DEADLINE],
                "a purge drops the node's drain (N-20)");
        Coverage force = new Coverage();
        force.record(new DrainSetCall(0, 1, 7_000, false, false, true, "ok"));
        force.record(new DrainSetCall(6 * S, 2, 0, true, false, true, "ok"));
        force.record(new DrainCompleted(6 * S, 2, true));
        assertEquals(0, force.metrics()[Coverage.FIRE_BESIDE_DEADLINE],
                "a force drain fires at once and alone");
    }

    @Test
    void aReplacedAllocationStillAliveIsFocusedOnItsNode() {
        Coverage unknown = new Coverage();
        unknown.record(new AllocPlaced(0, 1, 0, 2, -1, 0));
        unknown.record(new AllocClientChanged(4 * S, 1, ClientStatus.UNKNOWN));
        unknown.record(new AllocPlaced(5 * S, 2, 0, 3, 1, 0));
        assertEquals(1, unknown.metrics()[Coverage.REPLACED_YET_ALIVE]);
        long focus = unknown.focus()[Coverage.REPLACED_YET_ALIVE];
        assertEquals(2, Coverage.focusNode(focus), "the disconnected node, where a restart races");
        assertEquals(5_000, Coverage.focusAtMillis(focus));
        Coverage lost = new Coverage();
        lost.record(new AllocPlaced(0, 1, 0, 2, -1, 0));
        lost.record(new AllocClientChanged(4 * S, 1, ClientStatus.LOST));
        lost.record(new AllocPlaced(5 * S, 2, 0, 3, 1, 0));
        assertEquals(0, lost.metrics()[Coverage.REPLACED_YET_ALIVE],
                "a lost allocation, replaced, is not alive");
        lost.record(new AllocClientChanged(60 * S, 1, ClientStatus.RUNNING));
        assertEquals(1, lost.metrics()[Coverage.REPLACED_YET_ALIVE],
                "until its client, back, reports it running");
        assertEquals(60_000, Coverage.focusAtMillis(lost.focus()[Coverage.REPLACED_YET_ALIVE]));
    }

    private static Coverage drains(long firstMillis, long secondMillis) {
        Coverage coverage = new Coverage();
        coverage.record(new DrainSetCall(0, 1, firstMillis, false, false, true, "ok"));
        coverage.record(new DrainSetCall(0, 2, secondMillis, false, false, true, "ok"));
        coverage.record(new DrainCompleted(firstMillis * 1_000_000L, 1, true));
        return coverage;
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
