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
 * child is resolved OWNER_DIED at once and, orphaned, releases its own reservation when its run
 * ends; the parent's retry submits a child under a fresh task id.
 */
class RayHistoryTest {
    @Test
    void anOrphanReleasesItsOwnReservationAndTheRetrysChildIsANewTask() {
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
                ErrorType.OWNER_DIED)), "the orphan is resolved when its owner dies");
        long orphanEnd = -1;
        for (HistoryEvent e : history) {
            if (e instanceof ResourcesReleased r && r.task() == orphan) {
                orphanEnd = r.atNanos();
                assertEquals(1, r.node());
            }
        }
        assertTrue(orphanEnd > SimTime.seconds(2), "the orphan holds its CPU to its end");
        assertTrue(history.contains(new TaskAttemptChanged(orphanEnd, orphan, 0, 1,
                AttemptState.FINISHED, ErrorType.NONE)), "and finishes then");
        assertTrue(history.stream().anyMatch(e -> e instanceof TaskResolved r && r.task() == 0
                && r.errorType() == ErrorType.NONE), "the task ends in a value");
    }
}
