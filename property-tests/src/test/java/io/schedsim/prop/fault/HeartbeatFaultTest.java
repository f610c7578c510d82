package io.schedsim.prop.fault;

import static io.schedsim.prop.fault.FaultClusters.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.ClockJump;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat loss and delay (F-5) and clock faults against Nomad's TTL heartbeats (N-24..N-28):
 * a node goes down exactly when no heartbeat reached the server for ttl + grace, and comes back
 * (down → ready) when one does; short disturbances cause nothing (SC-13's TTL analogue).
 */
class HeartbeatFaultTest {
    private static final List<JobSpec> WEB = List.of(JobSpec.service("web", 3, 500, 256));

    private static FaultClusters nomad(long seed, FaultAction... actions) {
        return FaultClusters.nomad(seed, FaultClusters.nomadConfig(), 3, WEB, actions);
    }

    @Test
    void totalHeartbeatLossTakesTheNodeDownUntilHeartbeatsArriveAgain() {
        FaultClusters run = nomad(21, new HeartbeatLoss(30_000, 60_000, List.of(1), 1.0));
        run.runUntil(29.5);
        Alloc original = run.runningOn(run.job("web"), 1).get(0);
        run.runUntil(200);
        long downAt = run.firstEvent(1, NodeEvent.Kind.DOWN, 30);
        assertTrue(downAt > 0 && downAt < SimTime.seconds(60), "down within ttl + grace");
        long readyAgain = run.firstEvent(1, NodeEvent.Kind.READY, seconds(downAt));
        assertTrue(readyAgain >= SimTime.seconds(90) && readyAgain < SimTime.seconds(93),
                "re-registers with the first heartbeat after the loss: " + seconds(readyAgain));
        assertEquals(List.of(1), run.everDown());
        assertTrue(original.client().isTerminal(), "lost, then stopped: " + original);
        assertEquals(1, run.replacementsOf(original).size());
        run.assertRunning(run.job("web"), 3);
        run.assertSettled();
    }

    @Test
    void shortHeartbeatLossOrSmallDelayTakesNoNodeDown() {
        FaultClusters loss = nomad(22, new HeartbeatLoss(30_000, 5_000, List.of(1), 1.0));
        FaultClusters delay = nomad(22, new HeartbeatDelay(30_000, 60_000, List.of(1), 3_000));
        for (FaultClusters run : List.of(loss, delay)) {
            run.runUntil(200);
            assertEquals(List.of(), run.everDown());
            run.assertSettled();
        }
    }

    /** A 40 s one-way delay starves the server for longer than ttl + grace < 30 s. */
    @Test
    void largeHeartbeatDelayStarvesTheServerAndLateHeartbeatsReRegister() {
        FaultClusters run = nomad(23, new HeartbeatDelay(30_000, 60_000, List.of(1), 40_000));
        run.runUntil(200);
        long downAt = run.firstEvent(1, NodeEvent.Kind.DOWN, 30);
        assertTrue(downAt > 0 && downAt < SimTime.seconds(60), "down at " + seconds(downAt));
        long readyAt = run.firstEvent(1, NodeEvent.Kind.READY, seconds(downAt));
        assertTrue(readyAt > 0 && readyAt < SimTime.seconds(90),
                "a delayed heartbeat re-registers it while the delay lasts");
        assertEquals(List.of(1), run.everDown());
        run.assertRunning(run.job("web"), 3);
        run.assertSettled();
    }

    /**
     * N-25: the client heartbeats ttl after the answer to its latest heartbeat. While a 14 s
     * delay lasts it retries every 2 s, so answers to those retries keep arriving after the delay
     * has ended; they must not push the next heartbeat past the server's ttl + grace, or a node
     * no fault touches any more goes down (INV-13; found by chaos-swarm seed 321).
     */
    @Test
    void lateAnswersToOlderHeartbeatsDoNotPostponeTheNextOne() {
        List<String> late = new ArrayList<>();
        for (long seed = 1; seed <= 100; seed++) {
            FaultClusters run = FaultClusters.nomad(seed, FaultClusters.nomadConfig(), 3,
                    List.of(), new HeartbeatDelay(30_000, 40_000, List.of(1), 14_000));
            run.runUntil(300);
            long lastDown = run.eventTimes(1, NodeEvent.Kind.DOWN).stream()
                    .mapToLong(Long::longValue).max().orElse(-1);
            if (lastDown > SimTime.seconds(70 + 30) || run.cluster.monitor().violated()) {
                late.add("seed " + seed + ": down at " + seconds(lastDown) + " s "
                        + run.cluster.monitor().violations());
            }
        }
        assertEquals(List.of(), late, "down after the delay and its detection window");
    }

    /**
     * The client times its heartbeats on its own clock: at +1e6 ppm it waits 2 × ttl of true
     * time, longer than the server's ttl + grace, so the node flaps down; at 1000 ppm nothing.
     */
    @Test
    void clockDriftChangesWhenTheNodeHeartbeats() {
        FaultClusters fast = nomad(24, new ClockDrift(30_000, 120_000, 1, 1_000_000));
        fast.runUntil(300);
        assertEquals(List.of(1), fast.everDown());
        long downAt = fast.firstEvent(1, NodeEvent.Kind.DOWN, 0);
        assertTrue(downAt > SimTime.seconds(30) && downAt < SimTime.seconds(180));
        assertEquals(NodeStatus.READY, fast.cluster.node(1).status());
        fast.assertRunning(fast.job("web"), 3);
        fast.assertSettled();

        FaultClusters slight = nomad(24, new ClockDrift(30_000, 120_000, 1, 1_000));
        slight.runUntil(300);
        assertEquals(List.of(), slight.everDown());
        slight.assertSettled();
    }

    /**
     * A clock jumping back 60 s pushes the pending heartbeat 60 s later: the server times out
     * (down within ttl + grace of the last heartbeat), and the late heartbeat re-registers the
     * node. A jump forward only brings the heartbeat earlier, which is harmless.
     */
    @Test
    void backwardClockJumpDelaysTheHeartbeatPastTheTtl() {
        FaultClusters back = nomad(25, new ClockJump(30_000, 1, -60_000));
        back.runUntil(200);
        Node node = back.cluster.node(1);
        assertEquals(List.of(1), back.everDown());
        long downAt = back.firstEvent(1, NodeEvent.Kind.DOWN, 30);
        assertTrue(downAt > SimTime.seconds(30) && downAt < SimTime.seconds(60));
        long readyAt = back.firstEvent(1, NodeEvent.Kind.READY, seconds(downAt));
        assertTrue(readyAt > SimTime.seconds(90) && readyAt < SimTime.seconds(110),
                "the pending heartbeat fires 60 s late: " + seconds(readyAt));
        assertEquals(NodeStatus.READY, node.status());
        back.assertSettled();

        FaultClusters forward = nomad(25, new ClockJump(30_000, 1, 60_000));
        forward.runUntil(200);
        assertEquals(List.of(), forward.everDown());
        forward.assertSettled();
    }

    /** Pull health checks do not use the node's clock: the same jump changes nothing in Ray. */
    @Test
    void clockJumpDoesNotAffectPullHealthChecks() {
        FaultClusters run = FaultClusters.ray(26, FaultClusters.rayConfig(), 3, null,
                new ClockJump(30_000, 1, -60_000), new ClockJump(31_000, 2, 60_000));
        run.runUntil(200);
        assertEquals(List.of(), run.everDown());
        run.assertNoViolations();
    }
}
