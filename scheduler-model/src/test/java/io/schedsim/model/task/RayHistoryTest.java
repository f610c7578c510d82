package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.TaskSubmitted;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The history of owners and children (docs/history.md §1.4, rules 6 and 10): a killed parent's
 * child is killed in the same step (its reservation released, its attempt FAILED OWNER_DIED) and
 * resolved OWNER_DIED; the parent's retry submits a child under a fresh task id.
 */
class RayHistoryTest {
    @Test
    void aDeadOwnersChildIsKilledInItsStepAndTheRetrysChildIsANewTask() {
        List<HistoryEvent> history = new ArrayList<>();
        Cluster cluster = Cluster.create(new Simulation(3), RayClusters.config(),
                ModelComponents.defaults());
        cluster.attachHistory(history::add);
        cluster.addNode(0, RayClusters.MEM_MB, true);
        cluster.addNode(1_000, RayClusters.MEM_MB, false);
        cluster.addNode(1_000, RayClusters.MEM_MB, false);
        cluster.setRayWorkload(new RayWorkloadSpec(1, SimTime.millis(800), true,
                SimTime.seconds(2), 1_000, 3, 0));
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(1));
        assertTrue(cluster.crashRunningWork(1), "the parent's worker is killed");
        RayClusters.runUntilTerminal(cluster, 60);
        cluster.sim().runUntil(SimTime.seconds(10));

        List<TaskSubmitted> submitted = new ArrayList<>();
        history.forEach(e -> {
            if (e instanceof TaskSubmitted s) {
                submitted.add(s);
            }
        });
        assertEquals(3, submitted.size(), submitted.toString());
        long orphan = submitted.get(1).task();
        long fresh = submitted.get(2).task();
        assertEquals(0, submitted.get(1).parentTask());
        assertEquals(0, submitted.get(2).parentTask());
        assertTrue(fresh != orphan, "the retry's child is a new task");
        assertTrue(history.contains(new TaskAttemptChanged(SimTime.seconds(1), 0, 0, 1,
                AttemptState.FAILED, ErrorType.WORKER_DIED)), "the parent's attempt fails");
        assertTrue(history.contains(new TaskResolved(SimTime.seconds(1), orphan,
                ErrorType.OWNER_DIED)), "the child is resolved when its owner dies");
        // The raylet kills the worker leased to the dead owner in the same step: its own
        // reservation is released, its attempt FAILED OWNER_DIED, and it never finishes.
        assertTrue(history.contains(new ResourcesReleased(SimTime.seconds(1), 1, 1_000, 0, -1,
                orphan, 0)), "the child's CPU is released when its owner dies");
        assertTrue(history.contains(new TaskAttemptChanged(SimTime.seconds(1), orphan, 0, 1,
                AttemptState.FAILED, ErrorType.OWNER_DIED)), "its attempt fails OWNER_DIED");
        assertTrue(history.stream().noneMatch(e -> e instanceof TaskAttemptChanged c
                && c.task() == orphan && c.state() != AttemptState.FAILED
                && c.atNanos() > SimTime.seconds(1)), "and is never retried");
        assertTrue(history.stream().anyMatch(e -> e instanceof TaskResolved r && r.task() == 0
                && r.errorType() == ErrorType.NONE), "the task ends in a value");
    }
}
