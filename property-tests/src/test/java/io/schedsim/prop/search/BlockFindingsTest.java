package io.schedsim.prop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.search.engine.SeedBlock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A block's findings survive serialisation exactly (counts, failures with their replay text,
 * latency histograms) in a few kilobytes, and the histograms still merge with wider ones.
 */
class BlockFindingsTest {
    @Test
    void findingsTravelExactlyAndSmall() throws IOException {
        Map<String, Object> config = ScenarioCatalog.find("chaos-swarm").configWith(Map.of());
        BlockFindings findings = new PortableSeedWork("chaos-swarm", "stale-drainer-eligibility",
                config, false, "mixed", 0, null).apply(new SeedBlock(1, 8));
        assertFalse(findings.failures().isEmpty());
        assertTrue(findings.failures().get(0).replayJson().contains("\"faultPlan\""));

        BlockFindings copy = SerialisingEngine.roundTrip(findings);
        assertEquals(findings.failures(), copy.failures());
        SweepPartial sent = findings.totals();
        SweepPartial received = copy.totals();
        assertEquals(sent.seedsRun(), received.seedsRun());
        assertEquals(sent.passed(), received.passed());
        assertEquals(sent.violationsByInvariant(), received.violationsByInvariant());
        assertEquals(sent.faultsFired(), received.faultsFired());
        assertEquals(sent.faultsSkipped(), received.faultsSkipped());
        assertEquals(sent.latencyMillis(), received.latencyMillis());
        assertTrue(serialisedBytes(findings) < 16 * 1024, serialisedBytes(findings) + " bytes");

        Histogram merged = received.latencyMillis().values().iterator().next().copy();
        Histogram wide = new Histogram(3);
        wide.recordValue(Long.MAX_VALUE / 4);
        merged.add(wide);
        assertEquals(Long.MAX_VALUE / 4, merged.getMaxValue(), (double) Long.MAX_VALUE / 1000);
    }

    private static int serialisedBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }
}
