package io.schedsim.prop.search;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What a {@link PortableSeedWork} block sends back: its totals (a {@link SweepPartial} without
 * failures: seeds, outcomes, fault kinds, latency histograms, shrinking runs) and its failing
 * seeds, in seed order. On the wire its histograms travel compressed (a few hundred bytes each
 * instead of their ~70 KB counts arrays, which Java serialisation would copy whole).
 */
record BlockFindings(SweepPartial totals, List<FoundFailure> failures) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object writeReplace() {
        Map<String, byte[]> histograms = new TreeMap<>();
        totals.latencyMillis().forEach((name, histogram) -> {
            ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            int length = histogram.encodeIntoCompressedByteBuffer(buffer, 9);
            histograms.put(name, Arrays.copyOf(buffer.array(), length));
        });
        SweepPartial bare = new SweepPartial(totals.seedsRun(), totals.passed(), List.of(),
                totals.violationsByInvariant(), totals.faultsFired(), totals.faultsSkipped(),
                Map.of(), totals.shrinkRuns());
        return new Wire(bare, histograms, failures);
    }

    /** The serialised form: the totals without histograms, the histograms compressed. */
    private static final class Wire implements Serializable {
        private static final long serialVersionUID = 1L;
        private final SweepPartial bare;
        private final Map<String, byte[]> histograms;
        private final List<FoundFailure> failures;

        Wire(SweepPartial bare, Map<String, byte[]> histograms, List<FoundFailure> failures) {
            this.bare = bare;
            this.histograms = histograms;
            this.failures = failures;
        }

        private Object readResolve() throws ObjectStreamException {
            Map<String, Histogram> latencies = new TreeMap<>();
            for (Map.Entry<String, byte[]> entry : histograms.entrySet()) {
                try {
                    Histogram histogram = Histogram.decodeFromCompressedByteBuffer(
                            ByteBuffer.wrap(entry.getValue()), 0);
                    // As the tally's own histograms: merging a wider one must not overflow.
                    histogram.setAutoResize(true);
                    latencies.put(entry.getKey(), histogram);
                } catch (DataFormatException e) {
                    java.io.InvalidObjectException invalid = new java.io.InvalidObjectException(
                            "histogram " + entry.getKey() + ": " + e.getMessage());
                    invalid.initCause(e);
                    throw invalid;
                }
            }
            return new BlockFindings(new SweepPartial(bare.seedsRun(), bare.passed(), List.of(),
                    bare.violationsByInvariant(), bare.faultsFired(), bare.faultsSkipped(),
                    latencies, bare.shrinkRuns()), failures);
        }
    }
}
