package io.schedsim.prop.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The legacy-heartbeat-off-by-one variant: its GCS declares a killed node DEAD one period
 * early, which the model's online check and the monitor's LegacyHeartbeatGuard both flag under
 * R-9; under the other detectors the variant is the correct model.
 */
class LegacyHeartbeatVariantTest {
    private static final Scenario BOUNDS = Registry.builtIn().scenario("detection-bounds");
    private static final Variant VARIANT = BugZoo.pending().stream()
            .filter(v -> v.name().equals("legacy-heartbeat-off-by-one")).findFirst()
            .orElseThrow();

    @Test
    void deadOnePeriodEarlyTripsR9() {
        RunResult result = RunSpec.of(BOUNDS).withSettings(Map.of("case", "d"))
                .withVariant(VARIANT).run().result();
        assertEquals("R-9", result.violations().get(0).invariant(), result.violations().toString());
        assertTrue(result.violations().stream().anyMatch(v -> v.invariant().equals("R-9")
                && v.source().equals(RunResult.Violation.MONITOR)), result.violations().toString());
    }

    @Test
    void otherDetectorsAreUntouched() {
        for (String picked : List.of("a", "c")) {
            RunResult result = RunSpec.of(BOUNDS).withSettings(Map.of("case", picked))
                    .withVariant(VARIANT).run().result();
            assertEquals(List.of(), result.violations(), picked);
        }
    }
}
