package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.node.NodeAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workloads whose tasks ask for more than CPU, after Ray's tests:
 * python/ray/tests/test_state_api.py {@code test_failed_task_unschedulable} (a hard
 * NodeAffinity that cannot be met fails TASK_UNSCHEDULABLE_ERROR), test_scheduling.py's
 * NodeAffinity cases (soft falls back when the node dies; hard tasks never leave their node),
 * test_basic.py's custom-resource tasks and SC-11's variant (a task needing a resource no node
 * has stays PENDING until such a node joins), and {@code test_spread_scheduling_strategy}.
 */
class RayTaskPlacementTest {
    private static RayWorkloadSpec tasks(int count, long holdSeconds, TaskPlacement placement) {
        return new RayWorkloadSpec(count, SimTime.seconds(holdSeconds), false, 0, 1_000, -1, 0)
                .withPlacement(placement);
    }

    @Test
    void hardAffinityToADeadNodeFailsUnschedulableWithoutRetries() {
        // Target 2 dies while its tasks run; their retries cannot go anywhere else.
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 3, 2_000,
                tasks(4, 30, TaskPlacement.affinity(2, false)), ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(5));
        cluster.terminateHost(2);
        RayClusters.runUntilTerminal(cluster, 600);
        RayWorkload ray = cluster.ray();
        assertTrue(ray.allTerminal());
        assertEquals(4, ray.unschedulable(), "every task, never retried elsewhere");
        assertEquals("[0:FAILED(NODE_DIED), 1:FAILED(TASK_UNSCHEDULABLE)]",
                ray.attempts(0).toString(), "the two running ones retried once, then failed");
        assertEquals("[0:FAILED(TASK_UNSCHEDULABLE)]", ray.attempts(3).toString(),
                "the two queued at the target failed back, then unschedulable");
        assertEquals(List.of(), RayClusters.violations(cluster));
    }

    @Test
    void hardAffinityToAnInfeasibleNodeFailsAtOnce() {
        // test_failed_task_unschedulable: num_cpus=2 with a hard affinity to a 1-CPU node.
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.seconds(1), false, 0, 2_000, 3, 0)
                .withPlacement(TaskPlacement.affinity(1, false));
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 2, 1_000, spec,
                ModelComponents.defaults());
        RayClusters.runUntilTerminal(cluster, 60);
        assertEquals("[0:FAILED(TASK_UNSCHEDULABLE)]", cluster.ray().attempts(0).toString());
        assertEquals(0, cluster.ray().retries());
        assertEquals(List.of(), RayClusters.violations(cluster));
    }

    @Test
    void hardAffinityTasksQueueAtABusyTargetAndNeverLeaveIt() {
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 3, 2_000,
                tasks(6, 10, TaskPlacement.affinity(1, false)), ModelComponents.defaults());
        List<Integer> slots = new ArrayList<>();
        cluster.ray().observeLeases(new LeaseObserver() {
            @Override
            public void onArrived(int nodeSlot, int task, boolean child, long nowNanos) {
                slots.add(nodeSlot);
            }

            @Override
            public void onLeft(int nodeSlot, int task, boolean child, long nowNanos) {}
        });
        RayClusters.runUntilTerminal(cluster, 600);
        assertEquals(6, cluster.ray().completed());
        assertEquals(List.of(1, 1, 1, 1, 1, 1), slots, "two at a time, all on node 1");
        assertEquals(List.of(), RayClusters.violations(cluster));
    }

    @Test
    void softAffinityFallsBackWhenItsTargetDies() {
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 3, 2_000,
                tasks(4, 30, TaskPlacement.affinity(2, true)), ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(5));
        cluster.terminateHost(2);
        RayClusters.runUntilTerminal(cluster, 600);
        assertEquals(4, cluster.ray().completed());
        assertEquals(0, cluster.ray().unschedulable());
        assertEquals(List.of(), RayClusters.violations(cluster));
    }

    @Test
    void aCustomResourceTaskWaitsUntilANodeWithItJoins() {
        // SC-11's custom-resource variant: nobody has accel, so the tasks stay PENDING.
        TaskPlacement accel = TaskPlacement.NONE.withResource("accel", 1_000);
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 2, 4_000,
                tasks(3, 5, accel), ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(60));
        assertEquals(3, cluster.ray().pending());
        assertEquals("[0:PENDING_NODE_ASSIGNMENT]", cluster.ray().attempts(0).toString());
        int slot = cluster.addNode(4_000, RayClusters.MEM_MB, false,
                NodeAttributes.NONE.withRayResource("accel", 2_000));
        RayClusters.runUntilTerminal(cluster, 600);
        assertEquals(3, cluster.ray().completed(), "two at a time on the accel node");
        assertEquals(0, cluster.node(slot).customUsedMilli("accel"));
        assertEquals(List.of(), RayClusters.violations(cluster));
    }

    @Test
    void memoryIsHeldWhileTasksRun() {
        TaskPlacement memory = TaskPlacement.NONE.withMemory(40_000);
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 2, 4_000,
                tasks(4, 10, memory), ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(1));
        // 64,000 MiB per node: one 40,000 MiB task fits per node, so two run, two wait.
        assertEquals(40_000, cluster.node(1).rayMemUsedMb());
        assertEquals(40_000, cluster.node(2).rayMemUsedMb());
        RayClusters.runUntilTerminal(cluster, 600);
        assertEquals(4, cluster.ray().completed());
        assertEquals(0, cluster.node(1).memUsedMb());
        assertEquals(List.of(), RayClusters.violations(cluster));
    }

    @Test
    void spreadPutsOneTaskOnEachNodeFirst() {
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 4, 4_000,
                tasks(4, 10, TaskPlacement.spread()), ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(1));
        for (int slot = 1; slot <= 4; slot++) {
            assertEquals(1_000, cluster.node(slot).cpuUsedMilli(), "node " + slot);
        }
        RayClusters.runUntilTerminal(cluster, 600);
        assertEquals(4, cluster.ray().completed());
        assertFalse(cluster.monitor().violated());
    }

    @Test
    void tasksStillRunningWhenTheRunStopsAreNotTerminal() {
        // INV-23 at a time limit: a running attempt is no task waiting for a node, so busy
        // nodes do not excuse it (the monitor judges the history the same way). Eight tasks
        // fill both nodes, so no node could take another now.
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 2, 4_000,
                tasks(8, 30, TaskPlacement.NONE), ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(10));
        cluster.ray().checkLiveness();
        assertTrue(RayClusters.violations(cluster).stream()
                .anyMatch(v -> v.invariant().equals("INV-23")), RayClusters.violations(cluster)
                .toString());
        Cluster waiting = RayClusters.start(1, RayClusters.config(), 2, 4_000,
                tasks(3, 5, TaskPlacement.NONE.withResource("accel", 1_000)),
                ModelComponents.defaults());
        waiting.sim().runUntil(SimTime.seconds(10));
        waiting.ray().checkLiveness();
        assertEquals(List.of(), RayClusters.violations(waiting),
                "tasks no node can ever take wait without a violation (R-14)");
    }

    @Test
    void theDefaultPacksWhereSpreadSpreads() {
        // The control: DEFAULT packs below the spread threshold, all on one node.
        Cluster cluster = Cluster.create(new Simulation(1), RayClusters.config(),
                ModelComponents.defaults());
        cluster.addNode(0, RayClusters.MEM_MB, true);
        for (int i = 0; i < 4; i++) {
            cluster.addNode(16_000, RayClusters.MEM_MB, false);
        }
        cluster.setRayWorkload(tasks(4, 10, TaskPlacement.NONE));
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(1));
        int busiest = 0;
        for (int slot = 1; slot <= 4; slot++) {
            busiest = (int) Math.max(busiest, cluster.node(slot).cpuUsedMilli());
        }
        assertEquals(4_000, busiest);
    }
}
