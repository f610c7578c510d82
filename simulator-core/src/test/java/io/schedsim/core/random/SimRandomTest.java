package io.schedsim.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Streams: reproducible, named, independent; bounded draws stay in range and look uniform. */
class SimRandomTest {
    private static final int DRAW_COUNT = 100_000;

    @Test
    void sameSeedSameStream() {
        SimRandom first = SimRandom.of(7);
        SimRandom second = SimRandom.of(7);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(first.nextLong(), second.nextLong(), "draw " + i);
        }
        assertEquals(7, first.identitySeed());
    }

    @Test
    void differentlyNamedStreamsDiffer() {
        String network = arrayText(firstDraws(SimRandom.stream(1, "network"), 8));
        assertNotEquals(network, arrayText(firstDraws(SimRandom.stream(1, "disk"), 8)));
        assertNotEquals(network, arrayText(firstDraws(SimRandom.stream(2, "network"), 8)));
        assertEquals(network, arrayText(firstDraws(SimRandom.stream(1, "network"), 8)));
    }

    @Test
    void drawingFromOneStreamLeavesAnotherUnchanged() {
        long[] untouched = firstDraws(SimRandom.stream(3, "disk"), 16);
        SimRandom network = SimRandom.stream(3, "network");
        SimRandom disk = SimRandom.stream(3, "disk");
        for (int i = 0; i < 16; i++) {
            for (int extra = 0; extra < i; extra++) {
                network.nextLong();
            }
            assertEquals(untouched[i], disk.nextLong(), "disk draw " + i);
        }
    }

    @Test
    void childDrawsNothingFromItsParent() {
        long[] expected = firstDraws(SimRandom.of(11), 4);
        SimRandom parent = SimRandom.of(11);
        SimRandom early = parent.child("retry");
        long[] actual = new long[4];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = parent.nextLong();
        }
        assertEquals(arrayText(expected), arrayText(actual));
        // The child depends on the parent's identity, not on how far the parent has drawn.
        SimRandom late = parent.child("retry");
        assertEquals(early.identitySeed(), late.identitySeed());
        assertEquals(SimRandom.deriveSeed(11, "retry"), early.identitySeed());
        assertEquals(early.nextLong(), late.nextLong());
    }

    @Test
    void boundedIntStaysInRange() {
        SimRandom random = SimRandom.of(5);
        int[] bounds = {1, 2, 3, 7, 1_000, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE};
        for (int bound : bounds) {
            for (int i = 0; i < 10_000; i++) {
                int value = random.nextInt(bound);
                assertTrue(value >= 0 && value < bound, "nextInt(" + bound + ") = " + value);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> random.nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> random.nextInt(-3));
    }

    @Test
    void boundedLongStaysInRange() {
        SimRandom random = SimRandom.of(6);
        long[] bounds = {1, 2, 3, 10, 1L << 40, (1L << 62) + 1, 3L << 61, Long.MAX_VALUE};
        for (long bound : bounds) {
            for (int i = 0; i < 10_000; i++) {
                long value = random.nextLong(bound);
                assertTrue(value >= 0 && value < bound, "nextLong(" + bound + ") = " + value);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> random.nextLong(0));
        assertThrows(IllegalArgumentException.class, () -> random.nextLong(Long.MIN_VALUE));
        assertEquals(5, random.uniformLong(5, 5));
        assertEquals(5, random.uniformLong(5, 2));
    }

    @Test
    void boundedIntLooksUniform() {
        SimRandom random = SimRandom.of(8);
        long[] counts = new long[10];
        for (int i = 0; i < DRAW_COUNT; i++) {
            counts[random.nextInt(10)]++;
        }
        assertChiSquareBelow(counts, 40.0);
    }

    @Test
    void boundedLongLooksUniformWhereModuloWouldBeBiased() {
        // For bound 3 * 2^61 a plain remainder of 63 random bits puts half the draws in the lowest
        // third; only the rejection step makes the three thirds equally likely.
        SimRandom random = SimRandom.of(9);
        long bound = 3L << 61;
        long[] thirds = new long[3];
        for (int i = 0; i < DRAW_COUNT; i++) {
            thirds[(int) (random.nextLong(bound) >>> 61)]++;
        }
        assertChiSquareBelow(thirds, 30.0);

        long[] tens = new long[10];
        for (int i = 0; i < DRAW_COUNT; i++) {
            tens[(int) random.nextLong(10)]++;
        }
        assertChiSquareBelow(tens, 40.0);
    }

    @Test
    void exponentialMeanIsRoughlyRight() {
        SimRandom random = SimRandom.of(10);
        double sum = 0;
        for (int i = 0; i < DRAW_COUNT; i++) {
            double value = random.exponential(5.0);
            assertTrue(value >= 0, "exponential draw " + value);
            sum += value;
        }
        // The standard error of the mean is 5 / sqrt(100k) ~ 0.016; allow about six of them.
        assertEquals(5.0, sum / DRAW_COUNT, 0.1);
    }

    @Test
    void doublesAndChances() {
        SimRandom random = SimRandom.of(12);
        int hits = 0;
        for (int i = 0; i < DRAW_COUNT; i++) {
            double value = random.nextDouble();
            assertTrue(value >= 0.0 && value < 1.0, "nextDouble = " + value);
            assertFalse(random.chance(0.0));
            assertTrue(random.chance(1.0));
            hits += random.chance(0.25) ? 1 : 0;
        }
        assertEquals(0.25, hits / (double) DRAW_COUNT, 0.01);
    }

    private static void assertChiSquareBelow(long[] counts, double bound) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double expected = total / (double) counts.length;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertTrue(chiSquare < bound, "chi-square " + chiSquare + " over " + arrayText(counts));
    }

    private static long[] firstDraws(SimRandom random, int count) {
        long[] draws = new long[count];
        for (int i = 0; i < count; i++) {
            draws[i] = random.nextLong();
        }
        return draws;
    }

    private static String arrayText(long[] values) {
        return java.util.Arrays.toString(values);
    }
}
