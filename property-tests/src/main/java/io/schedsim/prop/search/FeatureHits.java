package io.schedsim.prop.search;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.io.Serializable;
import java.util.Arrays;

/**
 * How many runs of a block reached each coverage feature, as two parallel arrays sorted by
 * feature: guided search weighs its corpus by how rare the features each entry brought are.
 */
record FeatureHits(int[] features, int[] runs) implements Serializable {
    private static final long serialVersionUID = 1L;
    static final FeatureHits NONE = new FeatureHits(new int[0], new int[0]);

    /** Adds this block's counts into {@code total}, indexed by feature. */
    void addTo(int[] total) {
        for (int i = 0; i < features.length; i++) {
            total[features[i]] += runs[i];
        }
    }

    /** Counts a block's runs' features; not thread-safe. */
    static final class Counter {
        private final Int2IntOpenHashMap counts = new Int2IntOpenHashMap();

        void add(int[] features) {
            for (int feature : features) {
                counts.addTo(feature, 1);
            }
        }

        FeatureHits done() {
            int[] features = counts.keySet().toIntArray();
            Arrays.sort(features);
            int[] runs = new int[features.length];
            for (int i = 0; i < features.length; i++) {
                runs[i] = counts.get(features[i]);
            }
            return new FeatureHits(features, runs);
        }
    }
}
