package io.schedsim.core.check;

/**
 * Always-on assertions (Java {@code assert} is off without {@code -ea}). The overloads take
 * primitives so that a passing check on the hot path allocates nothing; the message is built only
 * when the check fails. The simulation loop adds event number and simulated time to a failure.
 */
public final class Check {
    private Check() {}

    public static void that(boolean condition, String what) {
        if (!condition) {
            throw new CheckFailure(what);
        }
    }

    public static void that(boolean condition, String what, long value) {
        if (!condition) {
            throw new CheckFailure(what + " " + value);
        }
    }

    public static void that(boolean condition, String what, long first, long second) {
        if (!condition) {
            throw new CheckFailure(what + " " + first + " " + second);
        }
    }

    /** Fails unless {@code minInclusive <= value <= maxInclusive}. */
    public static void inRange(long value, long minInclusive, long maxInclusive, String what) {
        if (value < minInclusive || value > maxInclusive) {
            throw new CheckFailure(
                    what + " " + value + " outside [" + minInclusive + ", " + maxInclusive + "]");
        }
    }
}
