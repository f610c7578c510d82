package io.schedsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schedsim.core.random.SimRandom;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Named histograms and counters, their percentile summaries, and merging runs into a sweep. */
class MetricsTest {

    @Test
    void summaryOfOneToAThousand() {
        Metrics metrics = new Metrics();
        LatencyRecorder latency = metrics.recorder("latency");
        for (long value = 1; value <= 1_000; value++) {
            latency.record(value);
        }
        // Below 2048 a 3-significant-digit histogram is exact, so the percentiles are too.
        PercentileSummary expected = new PercentileSummary(1_000, 500, 990, 999, 1_000);
        assertEquals(expected, metrics.summary("latency"));
        assertSame(latency, metrics.recorder("latency"));
    }

    @Test
    void summaryStaysWithinThreeSignificantDigitsForLargeValues() {
        Histogram histogram = new Histogram(3);
        for (long value = 1; value <= 100_000; value++) {
            histogram.recordValue(value * 1_000_000L);
        }
        PercentileSummary summary = PercentileSummary.of(histogram);
        assertEquals(100_000, summary.count());
        assertEquals(50_000e6, summary.p50(), 50_000e6 * 1e-3);
        assertEquals(99_000e6, summary.p99(), 99_000e6 * 1e-3);
        assertEquals(99_900e6, summary.p999(), 99_900e6 * 1e-3);
        assertEquals(100_000e6, summary.max(), 100_000e6 * 1e-3);
    }

    @Test
    void missingOrEmptyHistogramsSummariseAsEmpty() {
        Metrics metrics = new Metrics();
        assertEquals(PercentileSummary.EMPTY, metrics.summary("never-recorded"));
        metrics.recorder("created-but-empty");
        assertEquals(PercentileSummary.EMPTY, metrics.summary("created-but-empty"));
        assertEquals(PercentileSummary.EMPTY, PercentileSummary.of(null));
    }

    @Test
    void countersStartAtZero() {
        Metrics metrics = new Metrics();
        assertEquals(0, metrics.counter("retries"));
        metrics.increment("retries");
        metrics.increment("retries");
        metrics.add("bytes", 4_096);
        metrics.add("bytes", -96);
        assertEquals(2, metrics.counter("retries"));
        assertEquals(4_000, metrics.counter("bytes"));
        assertEquals(Map.of("retries", 2L, "bytes", 4_000L), metrics.counters());
        assertThrows(UnsupportedOperationException.class, () -> metrics.counters().put("x", 1L));
    }

    @Test
    void mergeAddsHistogramsAndCountersInInsertionOrder() {
        Metrics sweep = new Metrics();
        sweep.recorder("b").record(10);
        sweep.increment("runs");
        Metrics run = new Metrics();
        run.recorder("a").record(20);
        run.recorder("b").record(30);
        run.increment("runs");
        run.add("faults", 3);
        sweep.merge(run);
        assertEquals(List.of("b", "a"), List.copyOf(sweep.recorders().keySet()));
        assertEquals(List.of("runs", "faults"), List.copyOf(sweep.counters().keySet()));
        assertEquals(2, sweep.summary("b").count());
        assertEquals(30, sweep.summary("b").max());
        assertEquals(1, sweep.summary("a").count());
        assertEquals(2, sweep.counter("runs"));
        assertEquals(3, sweep.counter("faults"));
        assertEquals(1, run.counter("runs"), "merge leaves its argument alone");
        assertEquals(1, run.recorder("b").count(), "merge leaves its argument alone");
    }

    /**
     * A recorder's summary, computed from sorted raw values, equals HdrHistogram's own percentiles
     * of the same values: small and huge values, heavy duplicates, one value, many values.
     */
    @Test
    void recorderSummaryEqualsHdrHistogramPercentiles() {
        SimRandom random = SimRandom.of(77);
        for (int trial = 0; trial < 400; trial++) {
            LatencyRecorder recorder = new LatencyRecorder();
            int count = 1 + random.nextInt(trial % 4 == 0 ? 5 : 3_000);
            long range = 1L << (1 + random.nextInt(45));
            long distinct = 1 + random.nextLong(Math.max(1, count));
            for (int i = 0; i < count; i++) {
                recorder.record(random.nextLong(range) / distinct * distinct);
            }
            Histogram reference = new Histogram(3);
            recorder.addTo(reference);
            assertEquals(PercentileSummary.of(reference), recorder.summary(),
                    "trial " + trial + ": " + count + " values below " + range);
            assertEquals(reference, recorder.toHistogram());
        }
    }

    @Test
    void recorderRejectsNegativeValues() {
        LatencyRecorder recorder = new LatencyRecorder();
        assertThrows(io.schedsim.core.check.CheckFailure.class, () -> recorder.record(-1));
        assertEquals(0, recorder.count());
    }
}
