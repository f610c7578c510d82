package io.schedsim.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Pins SimRandom bit for bit to the published algorithms, so a seed replays on every JDK.
 *
 * <p>The vectors come from a throwaway C program built from Vigna's reference splitmix64.c and
 * xoshiro256starstar.c (prng.di.unimi.it): it seeds s[0..3] with four successive splitmix64()
 * outputs, as SimRandom's constructor does, and prints the first six next() outputs. FNV-1a
 * vectors are the published ones; the derived-stream vectors come from the same C program with
 * deriveSeed written out as mix64(parent ^ mix64(fnv1a64(name) + golden gamma)).
 */
class SimRandomKnownAnswerTest {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Test
    void splitMix64FirstOutputForSeedZero() {
        assertEquals(0xe220a8397b1dcdafL, SimRandom.mix64(0L + GOLDEN_GAMMA));
        assertEquals(0x6e789e6aa1b965f4L, SimRandom.mix64(2 * GOLDEN_GAMMA));
    }

    @Test
    void xoshiro256StarStarSeededBySplitMix64() {
        assertOutputs(0L, 0x99ec5f36cb75f2b4L, 0xbf6e1f784956452aL, 0x1a5f849d4933e6e0L,
                0x6aa594f1262d2d2cL, 0xbba5ad4a1f842e59L, 0xffef8375d9ebcacaL);
        assertOutputs(1L, 0xb3f2af6d0fc710c5L, 0x853b559647364ceaL, 0x92f89756082a4514L,
                0x642e1c7bc266a3a7L, 0xb27a48e29a233673L, 0x24c123126ffda722L);
        assertOutputs(42L, 0x15780b2e0c2ec716L, 0x6104d9866d113a7eL, 0xae17533239e499a1L,
                0xecb8ad4703b360a1L, 0xfde6dc7fe2ec5e64L, 0xc50da53101795238L);
        assertOutputs(0xDEADBEEFCAFEBABEL, 0x2299b3421aa78b66L, 0x9af6550483e02887L,
                0xda059cb5eec5c979L, 0xcf86bd29360fff98L, 0x5cc883c940089820L,
                0xb00610aced04900fL);
        assertOutputs(-1L, 0x8f5520d52a7ead08L, 0xc476a018caa1802dL, 0x81de31c0d260469eL,
                0xbf658d7e065f3c2fL, 0x913593fda1bca32aL, 0xbb535e93941ba525L);
    }

    @Test
    void fnv1a64PublishedVectors() {
        assertEquals(0xcbf29ce484222325L, SimRandom.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, SimRandom.fnv1a64("a"));
        assertEquals(0x85944171f73967e8L, SimRandom.fnv1a64("foobar"));
    }

    @Test
    void namedStreamsOfRunSeed42() {
        assertEquals(0x4c91592dde068daaL, SimRandom.deriveSeed(42, "delays"));
        assertEquals(0x420370e14c317e2bL, SimRandom.deriveSeed(42, "network"));
        SimRandom delays = SimRandom.stream(42, "delays");
        assertEquals(0xc25b1063d6f22a4eL, delays.nextLong());
        assertEquals(0x6d2e2481358125e9L, delays.nextLong());
        assertEquals(0x5abef86349adcdfaL, delays.nextLong());
        SimRandom network = SimRandom.stream(42, "network");
        assertEquals(0x18ae3b0b99abb97dL, network.nextLong());
        assertEquals(0x79b827b977662ae0L, network.nextLong());
        assertEquals(0x9533cf9b5a606195L, network.nextLong());
    }

    private static void assertOutputs(long seed, long... expected) {
        SimRandom random = SimRandom.of(seed);
        for (int i = 0; i < expected.length; i++) {
            String where = "seed " + Long.toHexString(seed) + " output " + i;
            assertEquals(expected[i], random.nextLong(), where);
        }
    }
}
