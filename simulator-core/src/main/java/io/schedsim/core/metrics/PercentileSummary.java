package io.schedsim.core.metrics;

import org.HdrHistogram.Histogram;

/** Count, p50, p99, p99.9 and max of one histogram, in the histogram's unit. */
public record PercentileSummary(long count, long p50, long p99, long p999, long max) {
    public static final PercentileSummary EMPTY = new PercentileSummary(0, 0, 0, 0, 0);

    public static PercentileSummary of(Histogram histogram) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new PercentileSummary(histogram.getTotalCount(),
                histogram.getValueAtPercentile(50.0), histogram.getValueAtPercentile(99.0),
                histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }
}
