package io.schedsim.core.random;

/**
 * The only source of randomness in a simulation: xoshiro256** (Blackman and Vigna, 2018) whose
 * 256-bit state is filled from SplitMix64. Both algorithms are fixed here, bit for bit, so a seed
 * draws the same numbers on every JDK; {@code java.util.Random} is banned in simulated code.
 *
 * <p>Streams are named and split: {@link #stream(long, String)} derives a stream from the run seed
 * and a name (never an ordinal), so draws on one stream never shift another. Not thread-safe: one
 * simulation, one thread.
 */
public final class SimRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long identitySeed;
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private SimRandom(long identitySeed) {
        this.identitySeed = identitySeed;
        long x = identitySeed;
        x += GOLDEN_GAMMA;
        s0 = mix64(x);
        x += GOLDEN_GAMMA;
        s1 = mix64(x);
        x += GOLDEN_GAMMA;
        s2 = mix64(x);
        x += GOLDEN_GAMMA;
        s3 = mix64(x);
    }

    /** A generator whose state is filled by SplitMix64 started at {@code seed}. */
    public static SimRandom of(long seed) {
        return new SimRandom(seed);
    }

    /** The stream called {@code name} of the run with seed {@code runSeed}. */
    public static SimRandom stream(long runSeed, String name) {
        return new SimRandom(deriveSeed(runSeed, name));
    }

    /** A child stream derived from this stream's identity and a name; draws nothing from this one. */
    public SimRandom child(String name) {
        return new SimRandom(deriveSeed(identitySeed, name));
    }

    /** The seed that identifies this stream (not its current state). */
    public long identitySeed() {
        return identitySeed;
    }

    /** Seed of the stream {@code name} under {@code parentSeed}: SplitMix64's finalizer over both. */
    public static long deriveSeed(long parentSeed, String name) {
        return mix64(parentSeed ^ mix64(fnv1a64(name) + GOLDEN_GAMMA));
    }

    /** SplitMix64's output function (Stafford variant 13). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a over the UTF-16 code units of {@code text}; stable across JDKs. */
    public static long fnv1a64(String text) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001B3L;
        }
        return hash;
    }

    /** The next 64 uniformly distributed bits (xoshiro256**). */
    public long nextLong() {
        final long result = Long.rotateLeft(s1 * 5, 7) * 9;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in {@code [0, bound)} without bias (Lemire's multiply-and-reject), bound > 0. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long product = (nextLong() >>> 32) * bound;
        long low = product & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                product = (nextLong() >>> 32) * bound;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int) (product >>> 32);
    }

    /** Uniform in {@code [0, bound)} without bias (rejection on 63 bits), bound > 0. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long mask = bound - 1;
        long bits = nextLong() >>> 1;
        if ((bound & mask) == 0) {
            return bits & mask;
        }
        long value = bits % bound;
        while (bits - value + mask < 0) {
            bits = nextLong() >>> 1;
            value = bits % bound;
        }
        return value;
    }

    /** Uniform in {@code [minInclusive, maxExclusive)}; returns min when the range is empty. */
    public long uniformLong(long minInclusive, long maxExclusive) {
        if (maxExclusive <= minInclusive) {
            return minInclusive;
        }
        return minInclusive + nextLong(maxExclusive - minInclusive);
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p} (p ≤ 0 never draws true, p ≥ 1 always does). */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Exponentially distributed with the given mean; StrictMath keeps it identical on every JDK. */
    public double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }
}
