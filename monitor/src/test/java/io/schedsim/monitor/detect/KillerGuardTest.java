package io.schedsim.monitor.detect;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.KillerConfigured;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorViolation;
import org.junit.jupiter.api.Test;

/** INV-20: the chaos killer's limits (SC-1): head spared, one worker left, max_to_kill, windows. */
class KillerGuardTest {
    /** Head 0 and workers 1..workers, the killer at max_to_kill 2, 60 s windows, batch 1. */
    private static HistoryBuilder cluster(int workers) {
        HistoryBuilder b = HistoryBuilder.ray();
        b.add(new KillerConfigured(0, 2, 60_000, 1));
        b.node(0, 0, 8_192, true);
        for (int n = 1; n <= workers; n++) {
            b.node(n);
        }
        return b;
    }

    @Test
    void killsWithinTheLimitsAreQuiet() {
        assertQuiet(cluster(3).at(10).terminate(1, true).at(70).terminate(2, true).at(75)
                .checkSent(3).check());
    }

    @Test
    void eachLimitFires() {
        assertMessage(cluster(3).at(10).terminate(0, true), "head");
        assertMessage(cluster(3).at(10).terminate(1, true).at(20).terminate(2, true),
                "in kill window 0");
        assertMessage(cluster(4).at(10).terminate(1, true).at(70).terminate(2, true).at(130)
                .terminate(3, true), "max_to_kill 2");
        assertMessage(cluster(2).at(10).terminate(1, true).at(70).terminate(2, true),
                "no worker is alive");
    }

    @Test
    void killsByOtherFaultsAreNotTheKillers() {
        assertQuiet(cluster(3).at(10).terminate(1, false).at(20).terminate(2, false).check());
    }

    @Test
    void aKillTheKillersRulesChoseSparesTheHeadWithoutAConfiguredKillerToo() {
        // A fault plan's terminate-instance with victim rule first (chaos-swarm): its victim is
        // the killer's choice, so the head clause judges it; the configured killer's limits do
        // not (two kills in one window are no fault of a swarm plan's).
        HistoryBuilder swarm = HistoryBuilder.ray();
        swarm.node(0, 0, 8_192, true).node(1).node(2).node(3);
        assertQuiet(swarm.at(10).terminate(1, true).at(11).terminate(2, true).check());
        HistoryBuilder head = HistoryBuilder.ray();
        head.node(0, 0, 8_192, true).node(1).node(2);
        assertMessage(head.at(10).terminate(0, true), "head");
    }

    @Test
    void theKillersRulesLeaveACandidateWithoutAConfiguredKillerToo() {
        // Workers 1 and 2; a swarm kill by the rules takes 1 (2 stays a candidate), then 2.
        HistoryBuilder last = HistoryBuilder.ray();
        last.node(0, 0, 8_192, true).node(1).node(2);
        assertMessage(last.at(10).terminate(1, true).at(20).terminate(2, true),
                "their last candidate worker");
        // A worker whose agent another fault killed is still a candidate to the rules (they
        // cannot know), so taking the other one is within the floor.
        HistoryBuilder agentless = HistoryBuilder.ray();
        agentless.node(0, 0, 8_192, true).node(1).node(2);
        assertQuiet(agentless.at(5).killAgent(2).at(10).terminate(1, true).check());
    }

    private static void assertMessage(HistoryBuilder b, String fragment) {
        MonitorViolation v = assertFires(b.check(), Invariant.KILLER_CONSTRAINTS);
        assertTrue(v.message().contains(fragment), v.message());
    }
}
