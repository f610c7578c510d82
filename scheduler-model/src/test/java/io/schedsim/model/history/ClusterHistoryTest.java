package io.schedsim.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.AttemptState;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainerConfigured;
import io.schedsim.history.EventType;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckConfigured;
import io.schedsim.history.HealthCheckSent;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.RunEnded;
import io.schedsim.history.RunStopReason;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.TaskSubmitted;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.task.RayWorkloadSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A cluster publishes its observable history without changing its run (same trace hash with and
 * without a sink), in the order docs/history.md §1.4 asks: settings before nodes, time never
 * going back, a reservation per holder that every holder gives back, fresh task ids for every
 * child, and each task resolved once.
 */
class ClusterHistoryTest {
    /** A Ray cluster of 3 workers that loses one to a host termination at 6 s. */
    private static Cluster run(long seed, List<HistoryEvent> history) {
        Cluster cluster = Cluster.create(new Simulation(seed), new ClusterConfig(),
                ModelComponents.defaults());
        if (history != null) {
            cluster.attachHistory(history::add);
        }
        cluster.addNode(0, 8_192, true);
        for (int i = 0; i < 3; i++) {
            cluster.addNode(4_000, 8_192, false);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(60, SimTime.seconds(2), true,
                SimTime.seconds(3), 1_000, -1, 0));
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(6));
        cluster.terminateHost(1);
        cluster.updateDrain(2, DrainSpec.deadline(60_000, false));
        cluster.sim().runUntil(SimTime.seconds(10));
        cluster.cancelDrain(2, true);
        cluster.sim().runUntil(SimTime.seconds(300));
        cluster.endHistory(RunStopReason.TIME_LIMIT);
        return cluster;
    }

    @Test
    void publishingTheHistoryChangesNothingInTheRun() {
        List<HistoryEvent> history = new ArrayList<>();
        assertEquals(run(7, null).sim().traceHash(), run(7, history).sim().traceHash());
        assertTrue(history.size() > 1_000, "history of " + history.size() + " events");
    }

    @Test
    void settingsFirstTimeNeverGoesBackAndTheRunEndsItsHistory() {
        List<HistoryEvent> history = new ArrayList<>();
        run(3, history);
        assertTrue(history.get(0) instanceof HealthCheckConfigured, history.get(0).toString());
        assertTrue(history.get(1) instanceof DrainerConfigured, history.get(1).toString());
        assertTrue(history.get(2) instanceof NodeRegistered, history.get(2).toString());
        assertTrue(history.get(history.size() - 1) instanceof RunEnded);
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i).atNanos() >= history.get(i - 1).atNanos(), "event " + i);
        }
        assertTrue(history.stream().anyMatch(e -> e instanceof HostTerminated h && !h.byKiller()));
        assertTrue(history.stream().anyMatch(e -> e instanceof DrainCancelCall));
    }

    @Test
    void everyHolderGivesBackWhatItReservedAndEveryTaskResolvesOnce() {
        List<HistoryEvent> history = new ArrayList<>();
        run(5, history);
        Map<String, Long> held = new HashMap<>();
        Set<Long> submitted = new HashSet<>();
        Set<Long> resolved = new HashSet<>();
        for (HistoryEvent event : history) {
            if (event instanceof ResourcesReserved r) {
                assertEquals(null, held.put(r.task() + "/" + r.attempt(), r.cpuMilli()), r::toString);
            } else if (event instanceof ResourcesReleased r) {
                assertEquals(r.cpuMilli(), held.remove(r.task() + "/" + r.attempt()), r::toString);
            } else if (event instanceof TaskSubmitted t) {
                assertTrue(submitted.add(t.task()), "task id reused: " + t);
            } else if (event instanceof TaskResolved t) {
                assertTrue(resolved.add(t.task()), "resolved twice: " + t);
            }
        }
        assertEquals(Map.of(), held, "reservations never released");
        assertEquals(submitted, resolved);
        long children = history.stream().filter(e -> e instanceof TaskSubmitted t
                && t.parentTask() >= 0).count();
        assertTrue(children >= 60, "a child of each task: " + children);
        assertTrue(history.stream().anyMatch(e -> e instanceof TaskAttemptChanged a
                && a.state() == AttemptState.FAILED), "the lost host fails attempts");
        assertTrue(history.stream().anyMatch(e -> e instanceof TaskAttemptChanged a
                && a.attempt() > 0), "a failed attempt is retried under its task's id");
    }

    @Test
    void aHealthCheckIsAnsweredAfterItIsSentNeverBefore() {
        List<HistoryEvent> history = new ArrayList<>();
        run(9, history);
        Map<Integer, Long> inFlight = new HashMap<>();
        for (HistoryEvent event : history) {
            if (event instanceof HealthCheckSent s) {
                assertEquals(null, inFlight.put(s.node(), s.atNanos()), s::toString);
            } else if (event instanceof HealthCheckAnswered a) {
                Long sent = inFlight.remove(a.node());
                assertTrue(sent != null && sent < a.atNanos(), a::toString);
            } else if (event.type() == EventType.HEALTH_CHECK_FAILED) {
                inFlight.clear();
            }
        }
    }
}
