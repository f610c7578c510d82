package io.schedsim.core.metrics;

import io.schedsim.core.check.Check;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The values one run records under a name (latencies in milliseconds), kept raw. A run records a
 * handful to a few thousand values, so keeping them costs less than an HdrHistogram's counts array
 * (24 KB and up at 3 significant digits, resized as values grow), and a sweep folds them into its
 * own histograms value by value instead of adding whole arrays. Summaries and histograms are
 * computed on demand with exactly HdrHistogram's 3-significant-digit semantics.
 */
public final class LatencyRecorder {
    static final int SIGNIFICANT_DIGITS = 3;
    // Quantises values to 3 significant digits; pure arithmetic, never recorded into.
    private static final Histogram RULER = new Histogram(SIGNIFICANT_DIGITS);

    private long[] values = new long[8];
    private int count;

    /** Records one non-negative value. */
    public void record(long value) {
        Check.that(value >= 0, "latency values are non-negative", value);
        if (count == values.length) {
            values = Arrays.copyOf(values, 2 * count);
        }
        values[count++] = value;
    }

    public int count() {
        return count;
    }

    /** The {@code index}-th value recorded. */
    public long valueAt(int index) {
        Check.that(index >= 0 && index < count, "no such recorded value", index);
        return values[index];
    }

    /** Records every value into {@code histogram}. */
    public void addTo(Histogram histogram) {
        for (int i = 0; i < count; i++) {
            histogram.recordValue(values[i]);
        }
    }

    /** A fresh auto-resizing 3-significant-digit histogram of the values. */
    public Histogram toHistogram() {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        addTo(histogram);
        return histogram;
    }

    /** Count, p50, p99, p99.9 and max, equal to {@link PercentileSummary#of} of {@link #toHistogram}. */
    public PercentileSummary summary() {
        if (count == 0) {
            return PercentileSummary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new PercentileSummary(count, atPercentile(sorted, 50.0),
                atPercentile(sorted, 99.0), atPercentile(sorted, 99.9),
                RULER.highestEquivalentValue(sorted[count - 1]));
    }

    /**
     * HdrHistogram's {@code getValueAtPercentile} on sorted raw values: the rank is computed as it
     * does, and the value found is reported as the highest value equivalent to it.
     */
    private static long atPercentile(long[] sorted, double percentile) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY),
                0.0D), 100.0D);
        long rank = Math.max(1, (long) Math.ceil((requested / 100.0) * sorted.length));
        return RULER.highestEquivalentValue(sorted[(int) Math.min(rank, sorted.length) - 1]);
    }
}
