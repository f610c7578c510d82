package io.schedsim.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.schedsim.core.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ray's hybrid policy as a table: each row is a set of nodes ({@code slot:used/total} or
 * {@code first-last:used/total}, suffix {@code d} = draining, {@code x} = DEAD), a preferred slot
 * and top-k fraction, and the set of slots that 400 picks of a 1-CPU request may return.
 * Threshold 0.5, top-k absolute 1.
 */
class RayHybridRankerTest {
    private static final long CPU = 1_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "below threshold all score 0: lowest slot; 1:7000/16000 2:0/16000 3:4000/16000; -1; 0; 1",
        "above threshold ranks by utilisation; 1:12000/16000 2:9000/16000 3:8000/16000; -1; 0; 3",
        "exactly at threshold is not truncated; 1:8000/16000 2:7999/16000; -1; 0.0; 2",
        "top-k = floor(10 x 0.2) = 2 of equal nodes; 1-10:0/16000; -1; 0.2; 1 2",
        "top-k counts draining nodes; 1-5:0/16000d 6-10:0/16000; -1; 0.2; 6 7",
        "top-k ignores DEAD nodes; 1-5:0/16000x 6-10:0/16000; -1; 0.2; 6",
        "top-k capped by candidates; 1-2:0/16000; -1; 1.0; 1 2",
        "preferred node at the best score wins; 1-5:0/16000; 4; 1.0; 4",
        "preferred node worse than the best loses; 1:0/16000 2:12000/16000; 2; 0.0; 1",
        "full preferred node is skipped; 1:0/16000 2:16000/16000; 2; 0.0; 1",
        "DEAD preferred node is skipped; 1:4000/16000 2:0/16000x; 2; 0.0; 1",
        "skips draining, DEAD, full, infeasible; 1:0/16000d 2:0/16000x 3:15500/16000 4:0/500 "
                + "5:10000/16000; -1; 1.0; 5",
        "no node can take it; 1:16000/16000 2:0/16000d 3:0/0; -1; 1.0; -1",
    })
    void picks(String rule, String nodes, int preferred, double fraction, String expected) {
        HybridRanker ranker = ranker(nodes, fraction, SimRandom.of(7));
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 400; i++) {
            seen.add(ranker.pick(preferred, CPU));
        }
        TreeSet<Integer> want = new TreeSet<>();
        for (String slot : expected.trim().split(" ")) {
            want.add(Integer.parseInt(slot));
        }
        assertEquals(want, seen, rule);
    }

    /**
     * R-12's second tier, when no node has the request free now: the vectors of Ray's
     * src/ray/raylet/scheduling/policy/tests/scheduling_policy_test.cc (BarelyFeasibleTest,
     * TruncationAcrossFeasibleNodesTest, InfeasibleTest) and hybrid_scheduling_policy.cc's
     * feasible_and_unavailable_nodes (gate, score, preferred node, top k), CPU only.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "BarelyFeasibleTest: a full local node that fits the request; 1:1000/1000; 1; 0; 1",
        "TruncationAcrossFeasibleNodesTest: a tie goes to the local node; "
                + "1:16000/16000 2:16000/16000; 2; 0; 2",
        "InfeasibleTest: no total fits the request; 1:0/500 2:300/800; -1; 1.0; -1",
        "busy nodes rank by utilisation, the local one loses to a less used one; "
                + "1:16000/16000 2:1000/1500; 1; 0; 2",
        "draining and DEAD busy nodes are skipped; 1:16000/16000d 2:16000/16000x "
                + "3:16000/16000; -1; 1.0; 3",
        "top-k = floor(10 x 0.2) among equal busy nodes; 1-10:16000/16000; -1; 0.2; 1 2",
    })
    void picksABusyNodeWhenNoneIsAvailable(String rule, String nodes, int preferred,
            double fraction, String expected) {
        HybridRanker ranker = ranker(nodes, fraction, SimRandom.of(7));
        assertEquals(false, ranker.anyAvailable(CPU), rule + ": no node is available");
        SimRandom busyDraws = SimRandom.of(9);
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 400; i++) {
            seen.add(ranker.pickFeasible(preferred, CPU, busyDraws));
        }
        TreeSet<Integer> want = new TreeSet<>();
        for (String slot : expected.trim().split(" ")) {
            want.add(Integer.parseInt(slot));
        }
        assertEquals(want, seen, rule);
    }

    /**
     * scheduling_policy_test.cc AvailableOverFeasibleTest: a node with the resources free now
     * beats a feasible busy local node, and a busy pick follows usage as nodes change.
     */
    @Test
    void availableBeatsFeasibleAndBusyPicksFollowUsage() {
        HybridRanker ranker = ranker("1:4000/4000 2:3000/4000", 0.0, SimRandom.of(3));
        SimRandom busyDraws = SimRandom.of(5);
        assertEquals(true, ranker.anyAvailable(CPU));
        assertEquals(2, ranker.pick(1, CPU), "available over feasible");
        ranker.update(2, true, true, 4000, 4000);
        assertEquals(false, ranker.anyAvailable(CPU));
        assertEquals(1, ranker.pickFeasible(1, CPU, busyDraws), "both full: the local node");
        ranker.update(1, true, false, 4000, 4000);
        assertEquals(2, ranker.pickFeasible(1, CPU, busyDraws), "a draining node is no target");
        ranker.update(2, false, false, 4000, 4000);
        assertEquals(-1, ranker.pickFeasible(1, CPU, busyDraws), "nothing left: infeasible");
    }

    @ParameterizedTest(name = "used {0} of {1} -> level {2}")
    @CsvSource({
        "0, 16000, 0",
        "7999, 16000, 0",
        "8000, 16000, 512",
        "12000, 16000, 768",
        "15000, 16000, 960",
        "16000, 16000, 1024",
        "2000, 4000, 512",
        "1000, 4000, 0",
    })
    void scoreLevels(long used, long total, int level) {
        HybridRanker ranker = new HybridRanker(0.5, 0.2, 1, SimRandom.of(1), 4);
        assertEquals(level, ranker.level(total, used));
    }

    /** The division-free level equals floor(used × 1024 / total) above the threshold. */
    @Test
    void levelIsTheExactFloorOfTheUtilisation() {
        HybridRanker ranker = new HybridRanker(0.0, 0.2, 1, SimRandom.of(1), 4);
        SimRandom random = SimRandom.of(11);
        for (int i = 0; i < 200_000; i++) {
            long total = 1 + random.nextLong(i % 2 == 0 ? 100_000 : 1_000_000_000_000L);
            long used = random.nextLong(total + 1);
            long expected = Math.min(HybridRanker.LEVELS, used * HybridRanker.LEVELS / total);
            assertEquals(expected, ranker.level(total, used), used + " of " + total);
        }
        // Exact multiples of a level boundary, where a rounded-up estimate would overshoot.
        for (long total = 1; total <= 5_000; total++) {
            for (long level = 1; level < HybridRanker.LEVELS; level += 97) {
                long used = (level * total + HybridRanker.LEVELS - 1) / HybridRanker.LEVELS;
                long expected = used * HybridRanker.LEVELS / total;
                assertEquals(expected, ranker.level(total, used), used + " of " + total);
                assertEquals((used - 1) * HybridRanker.LEVELS / total,
                        ranker.level(total, used - 1), used - 1 + " of " + total);
            }
        }
    }

    @Test
    void reRanksWhenUsageChanges() {
        HybridRanker ranker = ranker("1:0/4000 2:0/4000", 0.0, SimRandom.of(3));
        assertEquals(1, ranker.pick(-1, CPU));
        ranker.update(1, true, true, 4000, 3000);
        assertEquals(2, ranker.pick(-1, CPU));
        ranker.update(2, true, true, 4000, 4000);
        assertEquals(1, ranker.pick(-1, CPU));
        ranker.update(1, true, false, 4000, 3000);
        assertEquals(-1, ranker.pick(-1, CPU));
        ranker.update(2, true, true, 4000, 0);
        assertEquals(2, ranker.pick(-1, CPU));
        assertEquals(2, ranker.notDeadCount());
        ranker.update(2, false, false, 4000, 0);
        assertEquals(1, ranker.notDeadCount());
        assertEquals(-1, ranker.pick(-1, CPU));
    }

    @Test
    void keepsOneIndexPerRequestSize() {
        HybridRanker ranker = ranker("1:0/1000 2:9000/16000", 0.0, SimRandom.of(3));
        assertEquals(1, ranker.pick(-1, 500));
        assertEquals(2, ranker.pick(-1, 3_000));
        ranker.update(1, true, true, 1000, 600);
        assertEquals(2, ranker.pick(-1, 500));
        ranker.update(40, true, true, 32_000, 0);
        assertEquals(40, ranker.pick(-1, 20_000));
        assertEquals(40, ranker.pick(-1, 3_000));
        assertEquals(-1, ranker.pick(-1, 40_000));
    }

    @Test
    void deterministicPerSeed() {
        String nodes = "1-10:0/16000";
        assertEquals(picks(nodes, 11), picks(nodes, 11));
        assertNotEquals(picks(nodes, 11), picks(nodes, 12));
    }

    private static List<Integer> picks(String nodes, long seed) {
        HybridRanker ranker = ranker(nodes, 0.5, SimRandom.of(seed));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            out.add(ranker.pick(-1, CPU));
        }
        return out;
    }

    private static HybridRanker ranker(String nodes, double fraction, SimRandom random) {
        HybridRanker ranker = new HybridRanker(0.5, fraction, 1, random, 4);
        for (String spec : nodes.trim().split(" +")) {
            boolean draining = spec.endsWith("d");
            boolean dead = spec.endsWith("x");
            String body = draining || dead ? spec.substring(0, spec.length() - 1) : spec;
            String[] slots = body.substring(0, body.indexOf(':')).split("-");
            String[] usage = body.substring(body.indexOf(':') + 1).split("/");
            int last = Integer.parseInt(slots[slots.length - 1]);
            for (int slot = Integer.parseInt(slots[0]); slot <= last; slot++) {
                ranker.update(slot, !dead, !draining, Long.parseLong(usage[1]),
                        Long.parseLong(usage[0]));
            }
        }
        return ranker;
    }
}
