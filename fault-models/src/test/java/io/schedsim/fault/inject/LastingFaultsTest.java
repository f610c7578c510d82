package io.schedsim.fault.inject;

import static io.schedsim.fault.inject.Harness.heads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import io.schedsim.fault.plan.SchedulerStall;
import io.schedsim.fault.plan.SlowTasks;
import io.schedsim.fault.plan.StatusUpdateChaos;
import io.schedsim.fault.plan.UnhealthyAllocs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lasting faults start at their time, end at their planned end, and combine when overlapping. */
class LastingFaultsTest {

    @Test
    void partitionIsLiftedAtItsEnd() {
        Harness harness = new Harness(3, heads(),
                new Partition(1_000, 5_000, List.of(1, 2), PartitionDirection.BOTH));
        harness.runUntil(20_000);
        assertEquals(List.of("1000 setPartition 1 true true", "1000 setPartition 2 true true",
                "6000 setPartition 1 false false", "6000 setPartition 2 false false"),
                harness.cluster.calls());
        assertEquals(List.of(1, 2), List.copyOf(harness.ledger().partitionedNodes()));
        assertEquals(Map.of("partition", 1), harness.ledger().fired());
        long ended = harness.ledger().entries().stream()
                .filter(entry -> entry.outcome() == Outcome.ENDED).count();
        assertEquals(2, ended, "one end entry per node");
    }

    @Test
    void overlappingOneWayPartitionsAddUpAndEndCleanly() {
        Harness harness = new Harness(2, heads(),
                new Partition(2_000, 8_000, List.of(1), PartitionDirection.TO_SERVER),
                new Partition(4_000, 2_000, List.of(1), PartitionDirection.FROM_SERVER));
        harness.runUntil(20_000);
        assertEquals(List.of("2000 setPartition 1 true false", "4000 setPartition 1 true true",
                "6000 setPartition 1 true false", "10000 setPartition 1 false false"),
                harness.cluster.calls());
    }

    @Test
    void overlappingHeartbeatFaultsKeepTheStrongest() {
        Harness harness = new Harness(3, heads(),
                new HeartbeatLoss(1_000, 10_000, List.of(1), 0.5),
                new HeartbeatLoss(2_000, 2_000, List.of(1, 2), 0.9),
                new HeartbeatDelay(3_000, 1_000, List.of(2), 1_500));
        harness.runUntil(20_000);
        assertEquals(List.of("1000 setHeartbeatLoss 1 0.5", "2000 setHeartbeatLoss 1 0.9",
                "2000 setHeartbeatLoss 2 0.9", "3000 setHeartbeatExtraDelay 2 1500000000",
                "4000 setHeartbeatLoss 1 0.5", "4000 setHeartbeatLoss 2 0.0",
                "4000 setHeartbeatExtraDelay 2 0", "11000 setHeartbeatLoss 1 0.0"),
                harness.cluster.calls());
        assertEquals(List.of(1, 2), List.copyOf(harness.ledger().heartbeatStarvedNodes()));
    }

    @Test
    void clusterWideFaultsRestoreNeutralSettings() {
        Harness harness = new Harness(2, heads(),
                new StatusUpdateChaos(1_000, 4_000, 500, 0.25),
                new SlowTasks(2_000, 1_000, 3.0),
                new ClockDrift(2_000, 2_000, 1, 5_000),
                new SchedulerStall(3_000, 10_000),
                new SchedulerStall(4_000, 1_000));
        harness.runUntil(30_000);
        assertEquals(List.of("1000 setStatusUpdateFaults 500000000 0.25",
                "2000 setWorkSlowdown 3.0", "2000 setClockDrift 1 5000",
                "3000 stallSchedulers 13000000000", "3000 setWorkSlowdown 1.0",
                "4000 setClockDrift 1 0", "5000 setStatusUpdateFaults 0 0.0"),
                harness.cluster.calls(),
                "a shorter stall inside a longer one changes nothing; stalls end by themselves");
        assertEquals(5, harness.ledger().firedTotal());
        assertEquals(List.of(1), List.copyOf(harness.ledger().clockDisturbedNodes()));
    }

    @Test
    void lastingFaultSkipsTerminatedNodesButReachesTheRest() {
        Harness harness = new Harness(3, heads(),
                new Partition(1_000, 1_000, List.of(1, 2), PartitionDirection.BOTH),
                new HeartbeatLoss(1_000, 1_000, List.of(2), 1.0));
        harness.cluster.node(2).hostUp = false;
        harness.runUntil(5_000);
        assertEquals(List.of("1000 setPartition 1 true true", "2000 setPartition 1 false false"),
                harness.cluster.calls());
        assertEquals(Map.of("partition", 1), harness.ledger().fired());
        assertEquals(Map.of("heartbeat-loss", 1), harness.ledger().skipped());
        LedgerEntry fired = harness.ledger().entries().get(0);
        assertEquals("not on node=2 node already terminated", fired.detail());
        assertTrue(harness.ledger().partitionedNodes().contains(1));
        assertEquals(List.of(1), List.copyOf(harness.ledger().disturbedNodes()));
    }

    /**
     * N-13 unhealthy replacements: on every node (node -1, ClusterControl.ALL_NODES) or on
     * listed ones, each lifted at its own end; an overlap on a node keeps it failing until the
     * last one ends, and the node counts as disturbed in no other way.
     */
    @Test
    void unhealthyAllocsStartAndEndPerChannel() {
        Harness harness = new Harness(3, heads(),
                UnhealthyAllocs.everywhere(1_000, 4_000),
                new UnhealthyAllocs(2_000, 6_000, List.of(1, 2)),
                new UnhealthyAllocs(3_000, 1_000, List.of(2)));
        harness.runUntil(20_000);
        assertEquals(List.of("1000 setHealthChecksFailing -1 true",
                "2000 setHealthChecksFailing 1 true", "2000 setHealthChecksFailing 2 true",
                "3000 setHealthChecksFailing 2 true", "4000 setHealthChecksFailing 2 true",
                "5000 setHealthChecksFailing -1 false", "8000 setHealthChecksFailing 1 false",
                "8000 setHealthChecksFailing 2 false"), harness.cluster.calls());
        assertEquals(Map.of("unhealthy-allocs", 3), harness.ledger().fired());
        assertTrue(harness.ledger().heartbeatStarvedNodes().isEmpty());
        assertTrue(harness.ledger().partitionedNodes().isEmpty());
    }

    @Test
    void healLiftsUnhealthyAllocs() {
        Harness harness = new Harness(3, heads(),
                UnhealthyAllocs.everywhere(1_000, 100_000),
                new UnhealthyAllocs(2_000, 100_000, List.of(2)));
        HealPhase.schedule(harness.injector, 10_000, HealOptions.LIFT_ONLY);
        harness.runUntil(200_000);
        assertEquals(List.of("1000 setHealthChecksFailing -1 true",
                "2000 setHealthChecksFailing 2 true", "10000 setHealthChecksFailing -1 false",
                "10000 setHealthChecksFailing 2 false"), harness.cluster.calls());
    }
}
