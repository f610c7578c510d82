package io.schedsim.prop.search.guided;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.OrderingSpec;
import org.junit.jupiter.api.Test;

/**
 * The corpus keeps a run for a new feature or a beaten near-miss best, not otherwise; the holder
 * of a best is favored; and an entry that alone reached a feature weighs far more than one whose
 * features every run reaches.
 */
class CorpusTest {
    private static long[] metrics(int metric, long value) {
        long[] metrics = new long[Coverage.METRICS];
        metrics[metric] = value;
        return metrics;
    }

    private static CorpusEntry entry(long seed, int[] introduced) {
        return new CorpusEntry(seed, OrderingSpec.FIFO, "{\"actions\":[]}", 7, introduced);
    }

    @Test
    void keepsNewFeaturesAndBeatenBestsOnly() {
        Corpus corpus = new Corpus();
        assertEquals(2, corpus.offer(new int[] {5, 9}, new long[Coverage.METRICS],
                fresh -> entry(1, fresh)));
        assertEquals(0, corpus.offer(new int[] {9}, new long[Coverage.METRICS],
                fresh -> entry(2, fresh)));
        assertEquals(1, corpus.size(), "nothing new, nothing beaten: not kept");
        corpus.offer(new int[] {9}, metrics(Coverage.CONSECUTIVE_FAILED_CHECKS, 3),
                fresh -> entry(3, fresh));
        assertEquals(2, corpus.size(), "a beaten best is kept without a new feature");
        Corpus.Snapshot snapshot = corpus.snapshot();
        assertSame(snapshot.entries().get(1), snapshot.favored(0));
        assertTrue(snapshot.improves(metrics(Coverage.CONSECUTIVE_FAILED_CHECKS, 4)));
        assertFalse(snapshot.improves(metrics(Coverage.CONSECUTIVE_FAILED_CHECKS, 3)));
        assertArrayEquals(new int[] {5, 9}, snapshot.entries().get(0).introduced());
    }

    @Test
    void theFocusOfAHeldBestTravelsWithItsEntry() {
        Corpus corpus = new Corpus();
        long[] focus = new long[Coverage.METRICS];
        java.util.Arrays.fill(focus, -1);
        focus[Coverage.KILL_WITH_NODES_DOWN] = Coverage.focusOf(4, 9_000_000_000L);
        corpus.offer(new int[] {1}, new long[Coverage.METRICS], fresh -> entry(1, fresh));
        corpus.offer(new int[] {1}, metrics(Coverage.KILL_WITH_NODES_DOWN, 2),
                fresh -> new CorpusEntry(2, OrderingSpec.FIFO, "{\"actions\":[]}", 7, fresh,
                        focus));
        Corpus.Snapshot snapshot = corpus.snapshot();
        long held = snapshot.focusOf(snapshot.entries().get(1), 12_345);
        assertEquals(4, Coverage.focusNode(held));
        assertEquals(9_000, Coverage.focusAtMillis(held));
        assertEquals(-1, snapshot.focusOf(snapshot.entries().get(0), 0), "holds no best");
        assertEquals(-1, Coverage.focusNode(Coverage.focusOf(-1, 5_000_000L)), "no node");
    }

    @Test
    void anEntryWithARareFeatureWeighsMore() {
        Corpus corpus = new Corpus();
        corpus.offer(new int[] {1}, new long[Coverage.METRICS], fresh -> entry(1, fresh));
        corpus.offer(new int[] {1, 2}, new long[Coverage.METRICS], fresh -> entry(2, fresh));
        corpus.addHits(new int[] {1, 2}, new int[] {1_000, 1});
        Corpus.Snapshot snapshot = corpus.snapshot();
        long common = snapshot.cumulativeWeights()[0];
        long rare = snapshot.cumulativeWeights()[1] - common;
        assertTrue(rare >= 500 * common, rare + " vs " + common);
        assertSame(snapshot.entries().get(1), snapshot.weighted(snapshot.totalWeight() - 1));
        assertSame(snapshot.entries().get(0), snapshot.weighted(0));
    }
}
