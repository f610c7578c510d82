package io.schedsim.prop.search.guided;

import java.util.ArrayList;
import java.util.List;

/**
 * Guided search's memory, kept by the driver: every feature reached so far ({@link Coverage}'s
 * bits), the best value of each near-miss measure, and the runs that first reached some of them
 * or beat a best. Runs are offered in run order after each
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
    /** The best value of each near-miss measure so far, and the entry that holds it. */
    private final long[] best = new long[Coverage.METRICS];
    private final int[] holder = filled(Coverage.METRICS, -1);

    /** Counts {@code runs[i]} more runs that reached {@code features[i]}. */
    public void addHits(int[] features, int[] runs) {
        for (int i = 0; i < features.length; i++) {
            hits[features[i]] += runs[i];
        }
    }

    /**
     * Offers a run: keeps the entry {@code entry} builds from its new features if it reached
     * any, or if it beat a near-miss best (its entry then holds that best); returns how many
     * features were new.
     */
    public int offer(int[] features, long[] metrics,
            java.util.function.Function<int[], CorpusEntry> entry) {
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
        boolean beats = false;
        for (int m = 0; m < metrics.length; m++) {
            beats |= metrics[m] > best[m];
        }
        if ((count > 0 || beats) && entries.size() < ENTRIES_MAX) {
            for (int m = 0; m < metrics.length; m++) {
                if (metrics[m] > best[m]) {
                    best[m] = metrics[m];
                    holder[m] = entries.size();
                }
            }
            entries.add(entry.apply(java.util.Arrays.copyOf(fresh, count)));
        }
        return count;
    }

    private static int[] filled(int length, int value) {
        int[] array = new int[length];
        java.util.Arrays.fill(array, value);
        return array;
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
        java.util.TreeSet<Integer> favored = new java.util.TreeSet<>();
        for (int index : holder) {
            if (index >= 0) {
                favored.add(index);
            }
        }
        return new Snapshot(List.copyOf(entries), covered.clone(), cumulative, best.clone(),
                favored.stream().mapToInt(Integer::intValue).toArray(), holder.clone());
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
    public record Snapshot(List<CorpusEntry> entries, long[] covered, long[] cumulativeWeights,
            long[] best, int[] favored, int[] holders) implements java.io.Serializable {
        /** True if {@code metrics} beats a near-miss best of this snapshot. */
        public boolean improves(long[] metrics) {
            for (int m = 0; m < metrics.length; m++) {
                if (metrics[m] > best[m]) {
                    return true;
                }
            }
            return false;
        }

        /** An entry holding a near-miss best; null when none does. */
        public CorpusEntry favored(int pick) {
            return favored.length == 0 ? null : entries.get(favored[pick % favored.length]);
        }

        /**
         * Where and when {@code entry} reached one of the near-miss bests it holds, the
         * measure chosen by {@code pick}; -1 if it holds none or its run did not say.
         */
        public long focusOf(CorpusEntry entry, int pick) {
            int held = 0;
            for (int m = 0; m < holders.length; m++) {
                held += holders[m] >= 0 && entries.get(holders[m]) == entry ? 1 : 0;
            }
            if (held == 0) {
                return -1;
            }
            int choice = pick % held;
            for (int m = 0; m < holders.length; m++) {
                if (holders[m] >= 0 && entries.get(holders[m]) == entry && choice-- == 0) {
                    return entry.focus(m);
                }
            }
            return -1;
        }

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
