package io.schedsim.model.task;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * Every FAILED attempt, in order: entry, attempt number and error type packed into one long, and
 * the time. Failures are rare next to executions, so this costs nothing per task; reading it back
 * (for reports and tests) is a cold linear scan.
 */
final class FailureLog {
    private static final ErrorType[] TYPES = ErrorType.values();
    /** Low bits of a key that hold the error type: room for eight types. */
    private static final int TYPE_BITS = 3;

    static {
        if (TYPES.length > 1 << TYPE_BITS) {
            throw new IllegalStateException("FailureLog packs at most 8 error types");
        }
    }

    private final LongArrayList keys = new LongArrayList();
    private final LongArrayList times = new LongArrayList();

    void record(int entry, int attempt, ErrorType type, long nowNanos) {
        keys.add(((long) entry << 32) | ((long) attempt << TYPE_BITS) | type.ordinal());
        times.add(nowNanos);
    }

    int size() {
        return keys.size();
    }

    /** The failed attempts of {@code entry}, in the order they failed. */
    List<TaskAttempt> attemptsOf(int entry) {
        List<TaskAttempt> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            long key = keys.getLong(i);
            if ((int) (key >>> 32) == entry) {
                int attempt = (int) ((key & 0xFFFF_FFFFL) >>> TYPE_BITS);
                int type = (int) (key & ((1 << TYPE_BITS) - 1));
                out.add(new TaskAttempt(attempt, AttemptState.FAILED, TYPES[type]));
            }
        }
        return out;
    }
}
