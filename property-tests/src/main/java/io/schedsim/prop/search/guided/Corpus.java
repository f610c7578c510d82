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
    /** Runs that reached each feature, over every round so far. */
    private final int[] hits = new int[Coverage.BITS];
    private final List<CorpusEntry> entries = new ArrayList<>();
    private int featuresCovered;

    /** Counts {@code runs[i]} more runs that reached {@code features[i]}. */
    public void addHits(int[] features, int[] runs) {
        for (int i = 0; i < features.length; i++) {
            hits[features[i]] += runs[i];
        }
    }

    /**
     * Offers a run's features: keeps the entry {@code entry} builds from the new ones if there
     * are any; returns how many were new.
     */
    public int offer(int[] features, java.util.function.Function<int[], CorpusEntry> entry) {
        int[] fresh = new int[features.length];
        int count = 0;
        for (int feature : features) {
            long bit = 1L << feature;
            if ((covered[feature >>> 6] & bit) == 0) {
                covered[feature >>> 6] |= bit;
                fresh[count++] = feature;
            }
        }
        featuresCovered += count;
        if (count > 0 && entries.size() < ENTRIES_MAX) {
            entries.add(entry.apply(java.util.Arrays.copyOf(fresh, count)));
        }
        return count;
    }

    /**
     * What the next round starts from: the entries, the coverage, and each entry's weight, by
     * the rarest feature it brought ({@value #WEIGHT_SCALE} over the runs that reached it):
     * an entry that alone reached a shape is drawn far more often than one whose features
     * every other run reaches (FairFuzz's rare branches).
     */
    public Snapshot snapshot() {
        long[] cumulative = new long[entries.size()];
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            CorpusEntry entry = entries.get(i);
            int rarest = Integer.MAX_VALUE;
            for (int k = 0; k < entry.introducedCount(); k++) {
                rarest = Math.min(rarest, Math.max(1, hits[entry.introduced(k)]));
            }
            total += Math.max(1, WEIGHT_SCALE / rarest);
            cumulative[i] = total;
        }
        return new Snapshot(List.copyOf(entries), covered.clone(), cumulative);
    }

    /** An entry whose rarest feature one run reached weighs this much. */
    static final long WEIGHT_SCALE = 1L << 20;

    public int size() {
        return entries.size();
    }

    public int featuresCovered() {
        return featuresCovered;
    }

    /** The corpus as a round sees it; shipped to where its runs run. */
    public record Snapshot(List<CorpusEntry> entries, long[] covered, long[] cumulativeWeights)
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

        /** The entry at {@code point} of the weights' total, {@code 0 <= point < total}. */
        public CorpusEntry weighted(long point) {
            int index = java.util.Arrays.binarySearch(cumulativeWeights, point + 1);
            return entries.get(index >= 0 ? index : -index - 1);
        }

        public long totalWeight() {
            return cumulativeWeights.length == 0 ? 0
                    : cumulativeWeights[cumulativeWeights.length - 1];
        }
    }
}
