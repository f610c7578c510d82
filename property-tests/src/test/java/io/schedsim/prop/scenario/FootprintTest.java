package io.schedsim.prop.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schedsim.prop.plugin.Registry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A config is checked against the heap before anything is built: ray-chaos at 100,000 workers
 * and 50M tasks (which ran 87 s into an OutOfMemoryError) is refused at once with the estimate
 * and the -Xmx to use; small scenarios count as small.
 */
class FootprintTest {
    private static final long GIGABYTE = 1L << 30;

    @Test
    void rayChaosCountsItsNodesAndOuterTasks() {
        Scenario rayChaos = Registry.builtIn().scenario("ray-chaos");
        assertEquals(new Footprint(10, 21_600), rayChaos.footprint(rayChaos.defaults()));
        ScenarioConfig huge = rayChaos.configWith(Map.of("workers", "100000",
                "tasks", "50000000"));
        Footprint footprint = rayChaos.footprint(huge);
        assertEquals(new Footprint(100_001, 50_000_000), footprint);
        InputException refused = assertThrows(InputException.class,
                () -> footprint.requireFits("ray-chaos", 2 * GIGABYTE));
        assertEquals("ray-chaos: this config needs about 6.4 GB of heap (100,001 nodes x 800 B "
                + "+ 50,000,000 tasks x 136 B + 16 MB), more than this JVM's 2.0 GB; run with "
                + "JAVA_OPTS=-Xmx10g", refused.getMessage());
        footprint.requireFits("ray-chaos", 7 * GIGABYTE);
    }

    @Test
    void theScaleRunFitsIn200MegabytesAsMeasured() {
        Scenario rayChaos = Registry.builtIn().scenario("ray-chaos");
        Footprint scale = rayChaos.footprint(rayChaos.configWith(Map.of("workers", "10000",
                "tasks", "1000000")));
        scale.requireFits("ray-chaos", 200L << 20);
        InputException refused = assertThrows(InputException.class,
                () -> scale.requireFits("ray-chaos", 100L << 20));
        assertEquals("ray-chaos: this config needs about 153 MB of heap (10,001 nodes x 800 B + "
                + "1,000,000 tasks x 136 B + 16 MB), more than this JVM's 100 MB; run with "
                + "JAVA_OPTS=-Xmx230m", refused.getMessage());
    }

    @Test
    void nomadScenariosAreSmall() {
        Scenario drain = Registry.builtIn().scenario("nomad-drain-deadline");
        assertEquals(Footprint.SMALL, drain.footprint(drain.defaults()));
        assertEquals(16L << 20, Footprint.SMALL.heapBytes());
    }
}
