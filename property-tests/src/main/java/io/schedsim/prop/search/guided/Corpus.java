package io.schedsim.prop.search.guided;

import java.util.ArrayList;
import java.util.List;

/**
 * Guided search's memory, kept by the driver: every feature reached so far ({@link Coverage}'s
 * bits) and the runs that first reached some of them. Runs are offered in run order after each
 * round, so the corpus, and every later round, depends on the seed range alone.
 */
public final class Corpus {
    /** Entries kept at most; later runs still add to the coverage. */
    public static final int ENTRIES_MAX = 4_096;

    private final long[] covered = new long[Coverage.BITS / 64];
    private final List<CorpusEntry> entries = new ArrayList<>();
    private int featuresCovered;

    /**
     * Offers a run's features: keeps {@code entry} (built only then) if it reached one the corpus
     * had not; returns how many were new.
     */
    public int offer(int[] features, java.util.function.IntFunction<CorpusEntry> entry) {
        int fresh = 0;
        for (int feature : features) {
            long bit = 1L << feature;
            if ((covered[feature >>> 6] & bit) == 0) {
                covered[feature >>> 6] |= bit;
                fresh++;
            }
        }
        featuresCovered += fresh;
        if (fresh > 0 && entries.size() < ENTRIES_MAX) {
            entries.add(entry.apply(fresh));
        }
        return fresh;
    }

    /** What the next round starts from: the entries and coverage as they are now. */
    public Snapshot snapshot() {
        return new Snapshot(List.copyOf(entries), covered.clone());
    }

    public int size() {
        return entries.size();
    }

    public int featuresCovered() {
        return featuresCovered;
    }

    /** The corpus as a round sees it; shipped to where its runs run. */
    public record Snapshot(List<CorpusEntry> entries, long[] covered)
            implements java.io.Serializable {
        /** True if {@code features} holds one this snapshot had not covered. */
        public boolean anyNew(int[] features) {
            for (int feature : features) {
                if ((covered[feature >>> 6] & (1L << feature)) == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
