package io.schedsim.prop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.spec.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A scanned block survives serialisation exactly (counts, failures with their plans, latency
 * histograms) in a few kilobytes, its histograms still merge with wider ones, and a block that
 * stops at its first failure covers the seeds up to it.
 */
class ScanPartialTest {
    private static final Registry REGISTRY = Registry.builtIn();
    private static final RunSpec STALE = RunSpec.of(REGISTRY.scenario("chaos-swarm"))
            .withVariant(REGISTRY.variant("stale-drainer-eligibility"));

    @Test
    void partialsTravelExactlyAndSmall() throws IOException {
        ScanPartial sent = ScanWork.of(STALE, REGISTRY, "mixed").apply(new SeedBlock(1, 8));
        assertFalse(sent.failures().isEmpty());
        assertEquals(sent.failures().get(0).planSize(),
                FaultPlan.fromJson(sent.failures().get(0).planJson()).size());

        ScanPartial received = SerialisingEngine.roundTrip(sent);
        assertEquals(sent.failures(), received.failures());
        assertEquals(sent.seedsRun(), received.seedsRun());
        assertEquals(sent.passed(), received.passed());
        assertEquals(sent.violationsByInvariant(), received.violationsByInvariant());
        assertEquals(sent.faultsFired(), received.faultsFired());
        assertEquals(sent.faultsSkipped(), received.faultsSkipped());
        assertEquals(sent.latencyMillis(), received.latencyMillis());
        assertTrue(serialisedBytes(sent) < 16 * 1024, serialisedBytes(sent) + " bytes");

        Histogram merged = received.latencyMillis().values().iterator().next().copy();
        Histogram wide = new Histogram(3);
        wide.recordValue(Long.MAX_VALUE / 4);
        merged.add(wide);
        assertEquals(Long.MAX_VALUE / 4, merged.getMaxValue(), (double) Long.MAX_VALUE / 1000);
    }

    @Test
    void aBlockThatStopsAtItsFirstFailureCoversTheSeedsUpToIt() {
        SeedBlock block = new SeedBlock(1, 8);
        ScanPartial whole = ScanWork.of(STALE, REGISTRY, "mixed").apply(block);
        ScanPartial cut = new ScanWork(new SpecTemplate(STALE, REGISTRY), new SeedRuns("mixed"), true)
                .apply(block);
        long firstFailing = whole.failures().get(0).seed();
        assertEquals(1, cut.failures().size());
        assertEquals(whole.failures().get(0), cut.failures().get(0));
        assertEquals(firstFailing, cut.lastSeed());
        assertEquals(firstFailing, cut.seedsRun());
        assertEquals(firstFailing - 1, cut.passed());
    }

    @Test
    void aTemplateResolvesByNameAndProviderInAnotherJvm() {
        SpecTemplate shipped = SerialisingEngine.roundTrip(new SpecTemplate(STALE, REGISTRY));
        RunSpec resolved = shipped.spec();
        assertEquals("chaos-swarm", resolved.scenario().name());
        assertEquals("stale-drainer-eligibility", resolved.variant().name());
        assertEquals(STALE.config(), resolved.config());
        assertEquals(STALE.withSeed(3).run().result().traceHash(),
                resolved.withSeed(3).run().result().traceHash());
    }

    private static int serialisedBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }
}
