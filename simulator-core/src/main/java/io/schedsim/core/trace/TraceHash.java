package io.schedsim.core.trace;

/** The 64-bit hash chain over dispatched events; printed as 16 lower-case hex digits. */
public final class TraceHash {
    /** The chain's value before the first event. */
    public static final long INITIAL = 0x5CED_51A0_0000_0001L;

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private TraceHash() {}

    /** Folds one event into the chain; the order of the fields is part of the format. */
    public static long fold(long hash, long eventIndex, long timeNanos, long kindHash, int entity,
            long payload) {
        hash = step(hash, eventIndex);
        hash = step(hash, timeNanos);
        hash = step(hash, kindHash);
        hash = step(hash, entity);
        return step(hash, payload);
    }

    private static long step(long hash, long value) {
        long h = (hash ^ value) * MULTIPLIER;
        return h ^ (h >>> 29);
    }

    public static String hex(long hash) {
        String digits = Long.toHexString(hash);
        return "0000000000000000".substring(digits.length()) + digits;
    }
}
