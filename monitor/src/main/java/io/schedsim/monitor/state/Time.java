package io.schedsim.monitor.state;

/** Time sentinels and conversions of the monitor; its clock is the history's atNanos only. */
public final class Time {
    /** A deadline that never comes (a drain without deadline, no timer). */
    public static final long NEVER = Long.MAX_VALUE;
    /** A moment that never happened (not yet died, never drained). */
    public static final long NOT_YET = Long.MIN_VALUE;
    public static final long NANOS_PER_MILLI = 1_000_000L;

    private Time() {}

    /** Milliseconds of a configuration field as nanoseconds, saturating. */
    public static long millis(long millis) {
        return millis >= Long.MAX_VALUE / NANOS_PER_MILLI ? NEVER : millis * NANOS_PER_MILLI;
    }

    /** {@code a + b} for non-negative operands, saturating at {@link #NEVER}. */
    public static long plus(long a, long b) {
        long sum = a + b;
        return sum < a ? NEVER : sum;
    }

    /** Seconds with three decimals, for messages. */
    public static String format(long nanos) {
        if (nanos == NEVER) {
            return "never";
        }
        long millis = Math.floorDiv(nanos, NANOS_PER_MILLI);
        return Math.floorDiv(millis, 1000) + "." + String.format("%03d", Math.floorMod(millis, 1000))
                + " s";
    }
}
