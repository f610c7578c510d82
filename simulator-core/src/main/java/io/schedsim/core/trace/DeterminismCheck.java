package io.schedsim.core.trace;

import java.util.function.Function;

/**
 * Runs a simulation twice and names the first event whose hash differs, rather than reporting only
 * that the final hashes differ. The run function receives a sink to install and returns the final
 * trace hash; the first run is kept in memory, the second is compared against it as it goes.
 */
public final class DeterminismCheck {
    private DeterminismCheck() {}

    /** Outcome of a comparison; {@code divergence} is null when the runs are identical. */
    public record Result(long hashFirst, long hashSecond, long eventsFirst, long eventsSecond,
            Divergence divergence) {
        public boolean deterministic() {
            return divergence == null && hashFirst == hashSecond;
        }
    }

    public static Result compare(Function<TraceSink, Long> run) {
        MemoryTraceSink first = new MemoryTraceSink();
        long hashFirst = run.apply(first);
        MemoryTraceSink second = new MemoryTraceSink();
        long hashSecond = run.apply(second);
        return compare(first, hashFirst, second, hashSecond);
    }

    /** Compares two recorded traces event by event. */
    public static Result compare(MemoryTraceSink first, long hashFirst, MemoryTraceSink second,
            long hashSecond) {
        int common = Math.min(first.size(), second.size());
        Divergence divergence = null;
        for (int i = 0; i < common; i++) {
            if (first.hashAt(i) != second.hashAt(i)) {
                divergence = new Divergence(i, first.get(i), second.get(i));
                break;
            }
        }
        if (divergence == null && first.size() != second.size()) {
            divergence = new Divergence(common,
                    common < first.size() ? first.get(common) : null,
                    common < second.size() ? second.get(common) : null);
        }
        return new Result(hashFirst, hashSecond, first.size(), second.size(), divergence);
    }
}
