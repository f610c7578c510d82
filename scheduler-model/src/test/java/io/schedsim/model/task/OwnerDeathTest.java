package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskSubmitted;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * the raylets kill the workers leased to an owner once its death is reported
 * (ray:src/ray/raylet/node_manager.cc: {@code NodeRemoved} kills the leased workers whose owner
 * ran on the removed node, {@code HandleUnexpectedWorkerFailure} those of a dead worker). A
 * parent dying with its node therefore takes its child on another node down at the node's DEAD
 * verdict, not at the child's natural end: whether the host vanished (the parent fails only at
 * the verdict) or the raylet was killed (the parent fails when its worker exits, R-16, unreported;
 * the child is orphaned until the verdict). The child is never retried.
 */
class OwnerDeathTest {
    /** A child far longer than detection, so only the owner's death can end it. */
    private static final long CHILD_NANOS = SimTime.seconds(600);

    @Test
    void aTerminatedOwnersChildIsKilledAtItsNodesDeadVerdict() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = spillAway(history);
        cluster.sim().runUntil(SimTime.seconds(1));
        cluster.terminateHost(1);
        cluster.sim().runUntil(SimTime.seconds(120));
        assertChildKilledAtVerdict(history);
    }

    @Test
    void aKilledRayletsOwnersChildIsOrphanedUntilItsNodesDeadVerdict() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = spillAway(history);
        cluster.sim().runUntil(SimTime.seconds(1));
        cluster.killAgent(1);
        cluster.sim().runUntil(SimTime.seconds(5));
        assertEquals(1_000, cluster.node(2).cpuUsedMilli(),
                "the orphan holds its CPU while nobody has reported its owner's death");
        cluster.sim().runUntil(SimTime.seconds(120));
        assertChildKilledAtVerdict(history);
    }

    /** 3 one-CPU workers, one task of 0.8 s whose child runs on node 2, away from its parent. */
    private static Cluster spillAway(List<HistoryEvent> history) {
        Cluster cluster = Cluster.create(new Simulation(3), RayClusters.config(),
                ModelComponents.defaults().withRayPlacement(SpillAway::new));
        cluster.attachHistory(history::add);
        cluster.addNode(0, RayClusters.MEM_MB, true);
        for (int i = 0; i < 3; i++) {
            cluster.addNode(1_000, RayClusters.MEM_MB, false);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(1, SimTime.millis(800), true, CHILD_NANOS,
                1_000, -1, 0));
        cluster.start();
        return cluster;
    }

    private static void assertChildKilledAtVerdict(List<HistoryEvent> history) {
        long child = history.stream().filter(e -> e instanceof TaskSubmitted s
                && s.parentTask() == 0).map(e -> ((TaskSubmitted) e).task()).findFirst()
                .orElseThrow();
        long deadAt = history.stream().filter(e -> e instanceof NodeStatusChanged c
                && c.node() == 1 && c.status() == NodeStatus.DOWN)
                .mapToLong(HistoryEvent::atNanos).findFirst().orElseThrow();
        assertTrue(history.contains(new ResourcesReleased(deadAt, 2, 1_000, 0, -1, child, 0)),
                "the child's CPU on node 2 is released at node 1's DEAD verdict");
        assertTrue(history.contains(new TaskAttemptChanged(deadAt, child, 0, 2,
                AttemptState.FAILED, ErrorType.OWNER_DIED)), "its attempt fails OWNER_DIED");
        assertTrue(history.stream().noneMatch(e -> e instanceof TaskAttemptChanged c
                && c.task() == child && c.attempt() > 0), "and is never retried");
    }
}
