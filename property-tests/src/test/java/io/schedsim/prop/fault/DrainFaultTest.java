package io.schedsim.prop.fault;

import static io.schedsim.prop.fault.FaultClusters.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operator drain calls (F-8: set, update, cancel; deadline, force, no deadline, ignore-system,
 * keep-ineligible; several nodes at once) against the real drainer (N-1..N-20). Every job starts
 * on node 1 (the other two are ineligible until 10 s), and node 1 is drained at 40–60 s.
 */
class DrainFaultTest {
    private static final MigrateBlock SLOW_HEALTH = new MigrateBlock(1, 30_000, 300_000);

    private static FaultClusters onNodeOne(long seed, long batchRunMillis,
            FaultAction... drains) {
        List<JobSpec> jobs = List.of(
                JobSpec.service("web", 2, 500, 256).withMigrate(SLOW_HEALTH),
                JobSpec.batch("crunch", 1, 300, 256, batchRunMillis),
                JobSpec.system("agent", 100, 64));
        List<FaultAction> actions = new ArrayList<>(List.of(
                new EligibilityFlip(10_000, 0, true), new EligibilityFlip(10_000, 2, true)));
        actions.addAll(List.of(drains));
        FaultClusters run = FaultClusters.nomad(seed, FaultClusters.nomadConfig(), 3, cluster -> {
            cluster.updateEligibility(0, false);
            cluster.updateEligibility(2, false);
        }, jobs, actions.toArray(FaultAction[]::new));
        run.runUntil(35);
        assertEquals(2, run.runningOn(run.job("web"), 1).size(), "web starts on node 1");
        assertEquals(1, run.runningOn(run.job("crunch"), 1).size(), "crunch starts on node 1");
        run.assertRunning(run.job("agent"), 3);
        return run;
    }

    /** N-18, INV-6, INV-9: at the deadline everything left is marked and the drain clears. */
    @Test
    void deadlineMarksEverythingLeftAndStopsBatchWithoutReplacement() {
        FaultClusters run = onNodeOne(41, 600_000, Drain.deadline(60_000, 1, 5_000, false));
        run.runUntil(300);
        Node node = run.cluster.node(1);
        assertDrainCompleted(run, 1, 65, true);
        assertFalse(node.eligible(), "INV-3: a completed drain leaves the node ineligible");
        Alloc crunch = run.allocs(run.job("crunch")).get(0);
        assertEquals(DesiredStatus.STOP, crunch.desired());
        assertTrue(crunch.migrateDisablePlacement(), "N-10: stopped without replacement");
        assertEquals(1, run.allocs(run.job("crunch")).size(), "INV-6: never replaced");
        assertSystemStoppedOnNodeOne(run, true);
        assertWebMovedOff(run);
        run.assertSettled();
    }

    /** -force is a deadline of now (N-1, N-18). */
    @Test
    void forceDrainsAtOnce() {
        FaultClusters run = onNodeOne(42, 600_000, Drain.force(60_000, 1, false));
        run.runUntil(300);
        assertDrainCompleted(run, 1, 60, true);
        assertSystemStoppedOnNodeOne(run, true);
        assertWebMovedOff(run);
        run.assertSettled();
    }

    /** -ignore-system: the system alloc stays desired run and running (N-11, INV-7). */
    @Test
    void forceWithIgnoreSystemKeepsTheSystemAlloc() {
        FaultClusters run = onNodeOne(43, 600_000, Drain.force(60_000, 1, true));
        run.runUntil(300);
        assertDrainCompleted(run, 1, 60, true);
        assertSystemStoppedOnNodeOne(run, false);
        assertWebMovedOff(run);
        run.assertSettled();
    }

    /**
     * -no-deadline: service allocs migrate paced, the batch alloc is never marked and runs to
     * completion; the drain completes after it, and only then is the system alloc marked (N-10,
     * N-16, N-17, INV-8).
     */
    @Test
    void noDeadlineWaitsForTheBatchAllocThenMarksTheSystemAllocLast() {
        FaultClusters run = onNodeOne(44, 90_000, Drain.noDeadline(40_000, 1, false));
        run.runUntil(300);
        Alloc crunch = run.allocs(run.job("crunch")).get(0);
        assertEquals(ClientStatus.COMPLETE, crunch.client(), "ran to completion");
        assertEquals(DesiredStatus.RUN, crunch.desired());
        assertFalse(crunch.migrate(), "never marked before a deadline");
        long completedAt = assertDrainCompleted(run, 1, -1, false);
        assertTrue(completedAt >= crunch.modifiedNanos(), "completes after the batch alloc");
        Alloc agent = run.allocs(run.job("agent")).stream().filter(a -> a.node() == 1)
                .findFirst().orElseThrow();
        assertTrue(agent.migrate() && agent.desired() == DesiredStatus.STOP);
        assertTrue(agent.modifiedNanos() >= completedAt, "system alloc marked last");
        assertWebMovedOff(run);
        run.assertSettled();
    }

    /** N-4: an update keeps startedAt and recomputes the deadline from now. */
    @Test
    void updateRestartsTheDeadlineClock() {
        FaultClusters run = onNodeOne(45, 600_000, Drain.deadline(60_000, 1, 3_600_000, false),
                Drain.deadline(70_000, 1, 10_000, false));
        run.runUntil(300);
        assertTrue(run.firedDetail(3).contains("update accepted"), run.firedDetail(3));
        assertDrainCompleted(run, 1, 80, true);
        assertEquals(SimTime.seconds(60), run.cluster.node(1).drainStartedNanos());
        run.assertSettled();
    }

    /**
     * -disable -keep-ineligible: the drain is cancelled and the node stays ineligible (N-2, SC-5);
     * an alloc the drain marked before still migrates (N-8), the other stays. Without the flag
     * the node becomes eligible.
     */
    @Test
    void cancelKeepsOrRestoresEligibility() {
        FaultClusters keep = onNodeOne(46, 600_000, Drain.noDeadline(60_000, 1, false),
                Drain.cancel(65_000, 1, false));
        keep.runUntil(300);
        Node node = keep.cluster.node(1);
        assertFalse(node.draining());
        assertFalse(node.eligible(), "keep-ineligible");
        assertEquals(LastDrainStatus.CANCELED, node.lastDrain());
        Job web = keep.job("web");
        assertEquals(1, keep.runningOn(web, 1).size(), "the unmarked alloc stays");
        assertEquals(1, keep.allocs(web).stream()
                .filter(a -> a.node() == 1 && a.migrate() && a.desired() == DesiredStatus.STOP)
                .count(), "the marked alloc migrated anyway");
        keep.assertRunning(web, 2);
        keep.assertSettled();

        FaultClusters restore = onNodeOne(46, 600_000, Drain.noDeadline(60_000, 1, false),
                Drain.cancel(65_000, 1, true));
        restore.runUntil(300);
        assertTrue(restore.cluster.node(1).eligible(), "-disable marks eligible (N-2)");
        assertTrue(restore.firstEvent(1, NodeEvent.Kind.ELIGIBLE, 65) > 0);
        restore.assertSettled();
    }

    /**
     * Three nodes drained a second apart, one alloc of a count-4 job on each: max_parallel 1 holds
     * job-wide (N-14, INV-4). Checked from outside every half second: at least count −
     * max_parallel allocs are healthy and not marked for migration.
     */
    @Test
    void overlappingDrainsOfSeveralNodesPaceJobWide() {
        List<JobSpec> jobs = List.of(JobSpec.service("web", 4, 500, 256));
        FaultClusters run = FaultClusters.nomad(47, FaultClusters.nomadConfig(), 4, jobs,
                Drain.deadline(60_000, 1, 3_600_000, false),
                Drain.deadline(61_000, 2, 3_600_000, false), Drain.noDeadline(62_000, 3, false));
        Job web = run.job("web");
        List<String> dips = new ArrayList<>();
        for (int tenth = 200; tenth <= 3_000; tenth += 5) {
            double at = tenth / 10.0;
            run.at(at, () -> {
                long healthyUnmarked = run.allocs(web).stream().filter(a -> !a.isTerminal()
                        && !a.migrate() && a.health().isSet()).count();
                if (healthyUnmarked < 3) {
                    dips.add("t=" + at + " s: " + healthyUnmarked);
                }
            });
        }
        run.runUntil(300);
        assertEquals(List.of(), dips, "fewer than count - max_parallel healthy, unmarked");
        for (int slot = 1; slot <= 3; slot++) {
            Node node = run.cluster.node(slot);
            assertEquals(LastDrainStatus.COMPLETE, node.lastDrain(), node.toString());
            assertFalse(node.eligible());
        }
        assertEquals(4, run.runningOn(web, 0).size(), "the only Ready node takes them all");
        run.assertSettled();
    }

    /**
     * A drained alloc whose replacement finds no room: the migration stop commits (nomad
     * reconciler computeMigrations stops unconditionally), the eval blocks, and the replacement
     * is placed once capacity frees; a later paced mark elsewhere breaks no invariant.
     */
    @Test
    void migrationWithoutRoomWaitsForCapacity() {
        List<JobSpec> jobs = List.of(JobSpec.service("web", 1, 2_400, 256),
                JobSpec.batch("fill", 1, 2_400, 256, 60_000));
        FaultClusters probe = FaultClusters.nomad(7, tightConfig(), 2, jobs);
        probe.runUntil(15);
        int webNode = probe.running(probe.job("web")).get(0).node();
        FaultClusters run = FaultClusters.nomad(7, tightConfig(), 2, jobs,
                Drain.deadline(20_000, webNode, 3_600_000, false),
                Drain.deadline(100_000, 1 - webNode, 3_600_000, false));
        run.runUntil(50);
        Job web = run.job("web");
        assertEquals(List.of(), run.running(web), "no room for the replacement yet");
        run.runUntil(99);
        assertEquals(1, run.runningOn(web, 1 - webNode).size(), "placed once fill completed");
        run.runUntil(200);
        run.assertNoViolations();
    }

    private static ClusterConfig tightConfig() {
        ClusterConfig config = FaultClusters.nomadConfig();
        config.nomadPlacement = PlacementKind.BIN_PACK;
        return config;
    }

    /** The node's one DRAIN_COMPLETE event: at {@code atSeconds} unless negative; its time. */
    private static long assertDrainCompleted(FaultClusters run, int slot, double atSeconds,
            boolean deadlineReached) {
        Node node = run.cluster.node(slot);
        assertFalse(node.draining());
        assertEquals(LastDrainStatus.COMPLETE, node.lastDrain());
        assertEquals(deadlineReached, node.drainDeadlineReached());
        List<Long> completed = run.eventTimes(slot, NodeEvent.Kind.DRAIN_COMPLETE);
        assertEquals(1, completed.size());
        if (atSeconds >= 0) {
            assertEquals(atSeconds, seconds(completed.get(0)), 1e-9, "INV-9: at the deadline");
        }
        return completed.get(0);
    }

    private static void assertSystemStoppedOnNodeOne(FaultClusters run, boolean stopped) {
        Job agent = run.job("agent");
        List<Alloc> onOne = run.allocs(agent).stream().filter(a -> a.node() == 1).toList();
        assertEquals(1, onOne.size(), "never replaced on node 1 (INV-16)");
        assertEquals(stopped, onOne.get(0).desired() == DesiredStatus.STOP, onOne.get(0)
                .toString());
        run.assertRunning(agent, stopped ? 2 : 3);
    }

    private static void assertWebMovedOff(FaultClusters run) {
        Job web = run.job("web");
        run.assertRunning(web, 2);
        assertEquals(List.of(), run.runningOn(web, 1));
    }
}
