package io.schedsim.prop.search;

import java.io.InvalidObjectException;
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
 * What the scan of one block of seeds found: the seeds it covered ({@code firstSeed ..
 * lastSeed}; a block that stops at its first failure covers fewer than it was given), how many
 * passed, its failing seeds in seed order, violations per invariant, fault kinds fired and
 * skipped, latency histograms and, in guided search, the runs that reached a feature their
 * round's corpus had not and how many runs reached each feature. A pure function of the block. On the wire its histograms
 * travel compressed (a few hundred bytes each instead of their counts arrays, which Java
 * serialisation would copy whole).
 */
record ScanPartial(long firstSeed, long lastSeed, long passed, List<ScanFailure> failures,
        Map<String, Long> violationsByInvariant, Map<String, Long> faultsFired,
        Map<String, Long> faultsSkipped, Map<String, Histogram> latencyMillis,
        List<Reached> reached, FeatureHits hits) implements Serializable {
    private static final long serialVersionUID = 1L;

    ScanPartial {
        failures = List.copyOf(failures);
        reached = List.copyOf(reached);
    }

    long seedsRun() {
        return lastSeed - firstSeed + 1;
    }

    private Object writeReplace() {
        Map<String, byte[]> histograms = new TreeMap<>();
        latencyMillis.forEach((name, histogram) -> {
            ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            int length = histogram.encodeIntoCompressedByteBuffer(buffer, 9);
            histograms.put(name, Arrays.copyOf(buffer.array(), length));
        });
        return new Wire(this, histograms);
    }

    /** The serialised form: the partial's fields, its histograms compressed. */
    private static final class Wire implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long firstSeed;
        private final long lastSeed;
        private final long passed;
        private final List<ScanFailure> failures;
        private final TreeMap<String, Long> violationsByInvariant;
        private final TreeMap<String, Long> faultsFired;
        private final TreeMap<String, Long> faultsSkipped;
        private final Map<String, byte[]> histograms;
        private final List<Reached> reached;
        private final FeatureHits hits;

        Wire(ScanPartial partial, Map<String, byte[]> histograms) {
            this.firstSeed = partial.firstSeed;
            this.lastSeed = partial.lastSeed;
            this.passed = partial.passed;
            this.failures = partial.failures;
            this.violationsByInvariant = new TreeMap<>(partial.violationsByInvariant);
            this.faultsFired = new TreeMap<>(partial.faultsFired);
            this.faultsSkipped = new TreeMap<>(partial.faultsSkipped);
            this.histograms = histograms;
            this.reached = partial.reached;
            this.hits = partial.hits;
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
                    InvalidObjectException invalid = new InvalidObjectException(
                            "histogram " + entry.getKey() + ": " + e.getMessage());
                    invalid.initCause(e);
                    throw invalid;
                }
            }
            return new ScanPartial(firstSeed, lastSeed, passed, failures, violationsByInvariant,
                    faultsFired, faultsSkipped, latencies, reached, hits);
        }
    }
}
