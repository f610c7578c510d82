package io.schedsim.core.time;

/**
 * Simulated time is a {@code long} count of nanoseconds since the start of a run. Config values
 * arrive in the unit a person types (millis, seconds) and are converted here, once.
 */
public final class SimTime {
    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** A time no run reaches; used as "never" for deadlines and limits. */
    public static final long NEVER = Long.MAX_VALUE;

    private SimTime() {}

    public static long millis(long millis) {
        return Math.multiplyExact(millis, NANOS_PER_MILLI);
    }

    public static long seconds(long seconds) {
        return Math.multiplyExact(seconds, NANOS_PER_SECOND);
    }

    /** Converts fractional seconds, rounding to the nearest nanosecond. */
    public static long seconds(double seconds) {
        return Math.round(seconds * NANOS_PER_SECOND);
    }

    /** Whole milliseconds, rounded down; {@link #NEVER} stays {@code Long.MAX_VALUE}. */
    public static long toMillis(long nanos) {
        return nanos == NEVER ? Long.MAX_VALUE : Math.floorDiv(nanos, NANOS_PER_MILLI);
    }

    /** Human form used in messages, e.g. {@code t=612.004 s}. */
    public static String format(long nanos) {
        if (nanos == NEVER) {
            return "never";
        }
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos / (double) NANOS_PER_SECOND);
    }
}
