package io.schedsim.fault.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ScheduleGeneratorsTest {

    @Test
    void blackoutPartitionsHalfTheWorkersEveryInterval() {
        List<Integer> workers = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        FaultPlan plan = BlackoutPlan.generate(SimRandom.stream(3, "faults"), workers, 10_000,
                70_000, 20_000, 5_000, 0.5);
        assertEquals(3, plan.size(), plan.describe());
        for (int i = 0; i < plan.size(); i++) {
            Partition blackout = (Partition) plan.get(i);
            assertEquals(10_000 + i * 20_000L, blackout.atMillis());
            assertEquals(5_000, blackout.durationMillis());
            assertEquals(PartitionDirection.BOTH, blackout.direction());
            assertEquals(4, blackout.nodes().size());
            assertTrue(workers.containsAll(blackout.nodes()));
        }
    }

    @Test
    void drainRaceDrainsOneNodeAndFlipsInsideTheWindow() {
        FaultPlan plan = DrainRacePlan.generate(SimRandom.stream(5, "faults"), 2,
                List.of(0, 1, 3), 30_000, 20_000, 12);
        assertEquals(13, plan.size());
        assertEquals(Drain.deadline(30_000, 2, 3_600_000, true), plan.get(0));
        TreeSet<Integer> flipped = new TreeSet<>();
        for (FaultAction action : plan.actions().subList(1, plan.size())) {
            EligibilityFlip flip = (EligibilityFlip) action;
            assertTrue(flip.atMillis() >= 30_000 && flip.atMillis() < 50_000, flip.describe());
            flipped.add(flip.node());
        }
        assertTrue(flipped.contains(2), "the drained node is flipped too: " + flipped);
        assertTrue(flipped.size() > 1, "other nodes are flipped too: " + flipped);
    }

    @Test
    void everyActionKindBelongsToExactlyOneFaultKind() {
        assertEquals(13, FaultKind.values().length);
        List<String> all = FaultKind.allActionKinds();
        assertEquals(all.size(), new TreeSet<>(all).size());
        assertEquals(21, all.size());
        for (String actionKind : all) {
            assertTrue(FaultKind.ofAction(actionKind).actionKinds().contains(actionKind));
        }
        assertEquals("host-loss", FaultKind.HOST_LOSS.label());
        assertEquals(FaultKind.DRAIN, FaultKind.ofAction(Drain.KIND));
    }
}
