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
 * The retried-application-errors variant: on ray-retry-counting with application errors
 * and retry_exceptions off (Ray's default; test_failure_2.py
 * {@code test_retry_application_level_error} r3) its owner retries the task that raised, which
 * the model's INV-19 check and the monitor's AttemptGuard both flag; with retry_exceptions on, or
 * with worker kills, it is the correct model.
 */
class ApplicationErrorVariantTest {
    private static final Scenario COUNTING = Registry.builtIn().scenario("ray-retry-counting");
    private static final Variant VARIANT = BugZoo.all().stream()
            .filter(v -> v.name().equals("retried-application-errors")).findFirst()
            .orElseThrow();

    /**
     * The model flags the retry when it decides it and stops there, so the retry goes out in the
     * same step only without a retry delay: then the monitor sees the new attempt too.
     */
    @Test
    void retryingARaiseWithRetryExceptionsOffTripsInv19() {
        RunResult result = RunSpec.of(COUNTING).withSettings(Map.of("crashCause",
                "application-error", "taskRetryDelayMillis", "0")).withVariant(VARIANT).run()
                .result();
        assertEquals("INV-19", result.violations().get(0).invariant(),
                result.violations().toString());
        assertTrue(result.violations().stream().anyMatch(v -> v.invariant().equals("INV-19")
                && v.source().equals(RunResult.Violation.MONITOR)), result.violations().toString());
    }

    @Test
    void retryExceptionsOnOrWorkerKillsAreUntouched() {
        for (Map<String, String> settings : List.of(
                Map.of("crashCause", "application-error", "retryExceptions", "true"),
                Map.of("crashCause", "worker-died"))) {
            for (String variant : List.of("a", "b")) {
                Map<String, String> all = new java.util.HashMap<>(settings);
                all.put("variant", variant);
                RunResult result = RunSpec.of(COUNTING).withSettings(all).withVariant(VARIANT)
                        .run().result();
                assertEquals(List.of(), result.violations(), all.toString());
            }
        }
    }
}
