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
 * The cancelled-task-retried variant: on ray-retry-counting with cancels its owner retries
 * the cancelled task, which the model's INV-19 check and the monitor's AttemptGuard both flag;
 * faults that cancel nothing leave it the correct model.
 */
class CancelVariantTest {
    private static final Scenario COUNTING = Registry.builtIn().scenario("ray-retry-counting");
    private static final Variant VARIANT = BugZoo.all().stream()
            .filter(v -> v.name().equals("cancelled-task-retried")).findFirst().orElseThrow();

    /**
     * The model flags the retry when it decides it and stops there, so the retry goes out in the
     * same step only without a retry delay: then the monitor sees the new attempt too.
     */
    @Test
    void retryingACancelledTaskTripsInv19() {
        RunResult result = RunSpec.of(COUNTING).withSettings(Map.of("crashCause", "cancel",
                "taskRetryDelayMillis", "0"))
                .withVariant(VARIANT).run().result();
        assertEquals("INV-19", result.violations().get(0).invariant(),
                result.violations().toString());
        assertTrue(result.violations().stream().anyMatch(v -> v.invariant().equals("INV-19")
                && v.source().equals(RunResult.Violation.MONITOR)), result.violations().toString());
    }

    @Test
    void workerKillsAndRaisesAreUntouched() {
        for (String cause : List.of("worker-died", "application-error")) {
            RunResult result = RunSpec.of(COUNTING).withSettings(Map.of("crashCause", cause))
                    .withVariant(VARIANT).run().result();
            assertEquals(List.of(), result.violations(), cause);
        }
    }
}
