package io.schedsim.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Fenwick-backed ranked set against a plain {@code TreeSet} of (level, slot) keys: random
 * puts, moves and removes, with every rank selected after each step, across slot growth.
 */
class RayRankedNodeSetTest {
    private static final int LEVELS = 9;

    @Test
    void selectsInLevelThenSlotOrder() {
        RankedNodeSet set = new RankedNodeSet(LEVELS, 4);
        set.put(5, 0);
        set.put(2, 3);
        set.put(7, 0);
        set.put(1, 8);
        assertEquals(4, set.size());
        assertEquals(List.of(5, 7, 2, 1), all(set));
        assertEquals(0, set.minLevel());
        set.put(5, 4);
        assertEquals(List.of(7, 2, 5, 1), all(set));
        set.remove(7);
        set.remove(7);
        assertEquals(List.of(2, 5, 1), all(set));
        assertEquals(3, set.minLevel());
        assertFalse(set.contains(7));
        assertTrue(set.contains(1));
        assertEquals(RankedNodeSet.ABSENT, set.levelOf(1_000));
    }

    @Test
    void matchesReferenceUnderRandomOperationsAndGrowth() {
        SimRandom random = SimRandom.of(42);
        RankedNodeSet set = new RankedNodeSet(LEVELS, 8);
        TreeSet<Long> reference = new TreeSet<>();
        int[] levelOf = new int[3_000];
        java.util.Arrays.fill(levelOf, -1);
        for (int step = 0; step < 6_000; step++) {
            int bound = step < 2_000 ? 100 : levelOf.length;
            int slot = random.nextInt(bound);
            if (random.chance(0.3)) {
                set.remove(slot);
                if (levelOf[slot] >= 0) {
                    reference.remove(key(levelOf[slot], slot));
                    levelOf[slot] = -1;
                }
            } else {
                int level = random.nextInt(LEVELS);
                set.put(slot, level);
                if (levelOf[slot] >= 0) {
                    reference.remove(key(levelOf[slot], slot));
                }
                levelOf[slot] = level;
                reference.add(key(level, slot));
            }
            assertEquals(reference.size(), set.size());
            if (step % 97 == 0 || step > 5_900) {
                int rank = 0;
                for (long k : reference) {
                    assertEquals((int) (k & 0xFFFF_FFFFL), set.select(rank++), "rank " + rank);
                }
            }
        }
    }

    private static long key(int level, int slot) {
        return ((long) level << 32) | slot;
    }

    private static List<Integer> all(RankedNodeSet set) {
        List<Integer> out = new ArrayList<>();
        for (int rank = 0; rank < set.size(); rank++) {
            out.add(set.select(rank));
        }
        return out;
    }
}
